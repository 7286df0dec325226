using System.Net;
using Stripe;

namespace Portal.Tests.StripeEmulator;

public sealed class ListTests : IAsyncLifetime
{
    private EmulatorHarness _emulator = null!;
    private StripeClient _stripe = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHarness.StartAsync();
        _stripe = _emulator.Stripe();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Lists_page_newest_first_with_starting_after_and_ending_before()
    {
        var accounts = new AccountService(_stripe);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await accounts.CreateAsync(new AccountCreateOptions { Type = "express" })).Id);
        }

        created.Reverse();
        var first = await accounts.ListAsync(new AccountListOptions { Limit = 2 });
        var second = await accounts.ListAsync(new AccountListOptions { Limit = 2, StartingAfter = first.Data[^1].Id });
        var last = await accounts.ListAsync(new AccountListOptions { Limit = 2, StartingAfter = second.Data[^1].Id });
        var back = await accounts.ListAsync(new AccountListOptions { Limit = 2, EndingBefore = last.Data[0].Id });

        Assert.Equal(created[..2], first.Data.Select(a => a.Id));
        Assert.True(first.HasMore);
        Assert.Equal(created[2..4], second.Data.Select(a => a.Id));
        Assert.Equal(created[4..], last.Data.Select(a => a.Id));
        Assert.False(last.HasMore);
        Assert.Equal(created[2..4], back.Data.Select(a => a.Id));
        Assert.Equal("/v1/accounts", first.Url);
        Assert.Equal(created, accounts.ListAutoPagingAsync(new AccountListOptions { Limit = 2 }).ToBlockingEnumerable().Select(a => a.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_limit_outside_1_to_100_is_refused(long limit)
    {
        var error = await Assert.ThrowsAsync<StripeException>(() => new AccountService(_stripe).ListAsync(new AccountListOptions { Limit = limit }));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("limit", error.StripeError.Param);
    }
}
