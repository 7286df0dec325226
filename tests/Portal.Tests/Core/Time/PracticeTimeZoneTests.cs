using Portal.Core.Text;
using Portal.Core.Time;

namespace Portal.Tests.Core.Time;

public sealed class PracticeTimeZoneTests
{
    private static readonly DateTime Winter = new(2026, 12, 4, 19, 5, 0, DateTimeKind.Utc);
    private static readonly DateTime Summer = new(2026, 7, 4, 19, 5, 0, DateTimeKind.Utc);

    [Fact]
    public void Stored_UTC_times_read_in_the_practice_zone_and_say_which()
    {
        var toronto = PracticeTimeZone.For("America/Toronto");
        Assert.Equal("Toronto time", toronto.Label);
        Assert.Equal("4 Dec 2026, 14:05", toronto.DateTime(Winter));
        Assert.Equal("4 Jul 2026, 15:05", toronto.DateTime(Summer));
        Assert.Equal("16:05 on 4 December 2026 (Toronto time)", toronto.Sentence(Winter.AddHours(2)));
        Assert.Equal(new DateTime(2026, 12, 4, 5, 0, 0, DateTimeKind.Utc), toronto.StartOfDayUtc(new DateOnly(2026, 12, 4)));

        Assert.Equal("Buenos Aires time", PracticeTimeZone.For("America/Argentina/Buenos_Aires").Label);
        Assert.Same(PracticeTimeZone.Utc, PracticeTimeZone.For("Not/AZone"));
        Assert.Equal("4 Dec 2026, 19:05", PracticeTimeZone.For("UTC").DateTime(Winter));
    }

    [Fact]
    public void The_zone_list_names_cities_with_the_offset_they_have_now()
    {
        var december = TimeZoneChoices.At(new DateTimeOffset(Winter));
        var july = TimeZoneChoices.At(new DateTimeOffset(Summer));
        Assert.Equal("(UTC−05:00) Toronto — America", december.Single(c => c.Id == "America/Toronto").Label);
        Assert.Equal("(UTC−04:00) Toronto — America", july.Single(c => c.Id == "America/Toronto").Label);
        Assert.Equal("(UTC+05:30) Kolkata — Asia", december.Single(c => c.Id == "Asia/Kolkata").Label);
        Assert.Equal("UTC", december[december.ToList().FindIndex(c => c.Offset == TimeSpan.Zero && c.Id == "UTC")].Id);
        Assert.DoesNotContain(december, c => c.Id.StartsWith("Etc/", StringComparison.Ordinal) || c.Id.StartsWith("US/", StringComparison.Ordinal));
        Assert.True(december.Count > 300, $"only {december.Count} zones");
        Assert.Equal(december.OrderBy(c => c.Offset).Select(c => c.Offset), december.Select(c => c.Offset));
    }

    [Theory]
    [InlineData("Harbour Bakery Inc.", "Harbour Bakery Inc.")]
    [InlineData("You are now working in Lee household", "You are now working in Lee household.")]
    [InlineData("Ready?", "Ready?")]
    public void A_sentence_ends_with_one_full_stop(string text, string expected) => Assert.Equal(expected, Sentence.End(text));
}
