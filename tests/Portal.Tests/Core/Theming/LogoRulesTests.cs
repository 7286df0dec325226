using Portal.Core.Theming;

namespace Portal.Tests.Core.Theming;

/// <summary>
/// A logo is judged by its own header (PNG IHDR, JPEG start-of-frame), never by its name: each limit holds
/// at its boundary and refuses one past it, naming the limit and the file's own figure, and a file that only
/// pretends to be an image (an SVG, a program, a bomb that declares 20,000 pixels) is refused without decoding.
/// </summary>
public sealed class LogoRulesTests
{
    private static readonly BrandingOptions Defaults = new();

    [Fact]
    public void The_defaults_are_the_seeds_800_KB_and_1000_px()
        => Assert.Equal((800 * 1024L, 1000), (Defaults.MaxLogoBytes, Defaults.MaxLogoWidth));

    [Fact]
    public void A_png_exactly_800_KB_and_1000_px_wide_is_accepted_with_its_size_read_from_its_header()
    {
        var bytes = TestImages.Png(1000, 40, length: 800 * 1024);

        var (image, problem) = LogoRules.Check(bytes, Defaults);

        Assert.Null(problem);
        Assert.Equal(new LogoImage(LogoImage.Png, 1000, 40), image);
    }

    [Fact]
    public void One_byte_past_800_KB_is_refused_naming_the_limit_and_the_files_size()
    {
        var (image, problem) = LogoRules.Check(TestImages.Png(200, 40, length: (800 * 1024) + 1), Defaults);

        Assert.Null(image);
        Assert.Equal("is 801 KB (819,201 bytes); a logo may be at most 800 KB.", problem);
    }

    [Fact]
    public void One_pixel_past_1000_px_wide_is_refused_naming_the_limit_and_the_files_width()
    {
        var (image, problem) = LogoRules.Check(TestImages.Png(1001, 40), Defaults);

        Assert.Null(image);
        Assert.Equal("is 1,001 px wide; a logo may be at most 1,000 px wide.", problem);
    }

    [Fact]
    public void The_height_is_bounded_too_at_and_past_its_limit()
    {
        Assert.Null(LogoRules.Check(TestImages.Png(10, 1000), Defaults).Problem);
        Assert.Equal("is 1,001 px tall; a logo may be at most 1,000 px tall.", LogoRules.Check(TestImages.Png(10, 1001), Defaults).Problem);
    }

    [Fact]
    public void Configured_limits_replace_the_defaults()
    {
        var limits = new BrandingOptions { MaxLogoKilobytes = 2, MaxLogoWidth = 300 };

        Assert.Null(LogoRules.Check(TestImages.Png(300, 10, length: 2048), limits).Problem);
        Assert.Equal("is 301 px wide; a logo may be at most 300 px wide.", LogoRules.Check(TestImages.Png(301, 10), limits).Problem);
        Assert.Equal("is 3 KB (2,049 bytes); a logo may be at most 2 KB.", LogoRules.Check(TestImages.Png(300, 10, length: 2049), limits).Problem);
    }

    [Fact]
    public void A_jpeg_is_measured_from_its_start_of_frame()
    {
        Assert.Equal(new LogoImage(LogoImage.Jpeg, 640, 120), LogoRules.Check(TestImages.Jpeg(640, 120), Defaults).Image);
        Assert.Equal("is 1,200 px wide; a logo may be at most 1,000 px wide.", LogoRules.Check(TestImages.Jpeg(1200, 100), Defaults).Problem);
    }

    [Fact]
    public void A_png_bomb_of_20000_px_is_refused_from_its_header_alone()
    {
        var bomb = TestImages.PngBomb();
        Assert.True(bomb.Length < 800 * 1024, $"The bomb is {bomb.Length} bytes: it must be within the size limit to test the width.");

        Assert.Equal("is 20,000 px wide; a logo may be at most 1,000 px wide.", LogoRules.Check(bomb, Defaults).Problem);
    }

    [Fact]
    public void An_svg_and_a_program_renamed_png_are_refused_by_their_content()
    {
        Assert.Equal("is an SVG drawing; use a PNG or JPG image.", LogoRules.Check(TestImages.Svg(), Defaults).Problem);
        Assert.Equal("is not a PNG or JPG image (its content was checked, not its name).", LogoRules.Check(TestImages.Executable(), Defaults).Problem);
    }

    [Fact]
    public void A_png_signature_without_its_header_chunk_is_not_an_image()
    {
        var truncated = TestImages.Png(10, 10)[..20];
        Assert.Null(LogoImage.Read(truncated));
        Assert.Equal("is empty.", LogoRules.Check([], Defaults).Problem);
    }
}
