using Portal.Reports.Services;

namespace Portal.Tests.Reports;

/// <summary>OWASP's CSV injection advice: text a spreadsheet would run as a formula is shown as text.</summary>
public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=\"quoted\"", "\"'=\"\"quoted\"\"\"")]
    [InlineData("Smith Co", "Smith Co")]
    [InlineData("a=b", "a=b")]
    [InlineData("Smith, Co", "\"Smith, Co\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_is_quoted_and_neutralized(string? value, string expected) => Assert.Equal(expected, CsvField.Text(value));

    [Fact]
    public void Amounts_the_portal_writes_keep_their_sign() => Assert.Equal("-10.00", CsvField.Plain("-10.00"));
}
