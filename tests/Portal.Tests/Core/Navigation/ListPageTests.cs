using Portal.Core.Navigation;

namespace Portal.Tests.Core.Navigation;

/// <summary>The one paged-list type: page count and the clamp every list uses for a page past its end.</summary>
public sealed class ListPageTests
{
    [Theory]
    [InlineData(0, 25, 1)]
    [InlineData(1, 25, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(26, 25, 2)]
    [InlineData(1000, 50, 20)]
    public void The_page_count_covers_every_row_and_is_never_zero(int total, int pageSize, int pages)
        => Assert.Equal(pages, new ListPage<string>([], total, 1, pageSize).PageCount);

    [Theory]
    [InlineData(-3, 60, 25, 1)]
    [InlineData(0, 60, 25, 1)]
    [InlineData(2, 60, 25, 2)]
    [InlineData(9, 60, 25, 3)]
    [InlineData(4, 0, 25, 1)]
    public void A_page_out_of_range_becomes_the_nearest_page_that_exists(int requested, int total, int pageSize, int page)
        => Assert.Equal(page, ListPage.Clamp(requested, total, pageSize));
}
