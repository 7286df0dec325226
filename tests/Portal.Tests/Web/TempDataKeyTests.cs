using System.Text.RegularExpressions;
using Portal.Core.Navigation;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Web;

/// <summary>
/// The layouts show TempData's <see cref="TempDataKeys.Status"/> and <see cref="TempDataKeys.Error"/>;
/// a page that writes a key spelt another way loses its message without any error, so keys are
/// written only through the constants.
/// </summary>
public sealed partial class TempDataKeyTests
{
    [Fact]
    public void TempData_keys_are_named_by_the_constants()
    {
        var files = SourceTree.Files(".cs").Concat(SourceTree.Files(".cshtml")).ToList();
        var uses = files.SelectMany(file => TempDataIndex().Matches(file.Text).Select(match => (file.Path, match.Value))).ToList();
        var literals = uses.Where(use => use.Value.Contains('"', StringComparison.Ordinal)).Select(use => $"{use.Path}: {use.Value}").ToList();

        Assert.True(uses.Count >= 40, $"Only {uses.Count} uses of TempData were found: the sources were not read.");
        Assert.True(literals.Count == 0, "Use TempDataKeys for these TempData keys:\n" + string.Join('\n', literals));

        // The dictionary reached another way (an endpoint's ITempDataDictionary) is indexed by the same keys.
        var spelled = files.SelectMany(file => KeySpelledOut().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}")).ToList();
        Assert.True(spelled.Count == 0, "Use TempDataKeys for these keys:\n" + string.Join('\n', spelled));
    }

    [GeneratedRegex(@"\bTempData\[[^\]]+\]")]
    private static partial Regex TempDataIndex();

    [GeneratedRegex(@"\[\s*""(Status|Error)""\s*\]")]
    private static partial Regex KeySpelledOut();
}
