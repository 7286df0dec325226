using Portal.StripeEmulator.Wire;

namespace Portal.Tests.StripeEmulator;

public sealed class FormParserTests
{
    [Fact]
    public void Brackets_nest_and_indexes_order_arrays()
    {
        var root = FormParser.Parse("a[b][1][c]=y&a[b][0][c]=x&types[]=one&types[]=two&plain=%7BCHECKOUT_SESSION_ID%7D+ok");

        var items = root.Get("a")!.Get("b")!.AsList();
        Assert.Equal(["x", "y"], items.Select(i => Params.Text(i, "c")));
        Assert.Equal(["one", "two"], Params.Strings(root, "types"));
        Assert.Equal("{CHECKOUT_SESSION_ID} ok", Params.Text(root, "plain"));
        Assert.Null(root.FirstUnread());
    }

    [Fact]
    public void What_no_handler_read_is_reported_by_its_full_name()
    {
        var root = FormParser.Parse("line_items[0][quantity]=1&line_items[0][colour]=red");

        Params.Integer(root.Get("line_items")!.AsList()[0], "quantity");

        Assert.Equal("line_items[0][colour]", root.FirstUnread());
    }

    [Theory]
    [InlineData("a=1&a[b]=2")]
    [InlineData("a[b]=1&a=2")]
    [InlineData("a=1&a=2")]
    [InlineData("[a]=1")]
    [InlineData("a[b=1")]
    public void Conflicting_or_malformed_names_are_invalid_requests(string body)
    {
        var error = Assert.Throws<StripeApiException>(() => FormParser.Parse(body));

        Assert.Equal("invalid_request_error", error.Type);
    }
}
