using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Jobs;
using Portal.Core.Links;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Links;

/// <summary>The Core one-time links every module issues through: hashed, single use, expiring, revocable, bound to a purpose.</summary>
public sealed class OneTimeLinksTests(ClassApps apps) : IClassFixture<ClassApps>
{
    private const string Purpose = "test-purpose";
    private const string OtherPurpose = "test-other-purpose";

    [Theory, BothDatabases]
    public async Task A_link_has_256_random_bits_is_stored_only_as_a_hash_and_works_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var subject = Guid.NewGuid();
        var token = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, subject, TimeSpan.FromHours(1)));
        var another = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, Guid.NewGuid(), TimeSpan.FromHours(1)));

        Assert.Equal(32, WebEncoders.Base64UrlDecode(token).Length);
        Assert.NotEqual(token, another);
        var stored = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<CoreTenantDbContext>().OneTimeLinks.AsNoTracking().SingleAsync(l => l.SubjectId == subject));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);

        var check = await CheckAsync(app, practice, Purpose, token);
        Assert.Equal(OneTimeLinkStatus.Valid, check.Status);
        Assert.Equal(subject, check.Link!.SubjectId);
        Assert.True(await RedeemAsync(app, practice, check.Link.Id));
        Assert.False(await RedeemAsync(app, practice, check.Link.Id));
        Assert.Equal(OneTimeLinkStatus.Used, (await CheckAsync(app, practice, Purpose, token)).Status);
    }

    [Theory, BothDatabases]
    public async Task A_link_redeems_only_for_its_purpose_and_only_whole(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var token = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, Guid.NewGuid(), TimeSpan.FromHours(1)));

        Assert.Equal(OneTimeLinkStatus.Invalid, (await CheckAsync(app, practice, OtherPurpose, token)).Status);
        Assert.Equal(OneTimeLinkStatus.Invalid, (await CheckAsync(app, practice, Purpose, token[..^1])).Status);
        Assert.Equal(OneTimeLinkStatus.Invalid, (await CheckAsync(app, practice, Purpose, null)).Status);
        Assert.Equal(OneTimeLinkStatus.Invalid, (await CheckAsync(app, practice, Purpose, new string('a', 5000))).Status);
        Assert.Equal(OneTimeLinkStatus.Valid, (await CheckAsync(app, practice, Purpose, token)).Status);
    }

    [Theory, BothDatabases]
    public async Task A_link_expires_and_then_cannot_be_redeemed(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var token = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, Guid.NewGuid(), TimeSpan.FromHours(1)));
        var id = (await CheckAsync(app, practice, Purpose, token)).Link!.Id;

        app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(OneTimeLinkStatus.Expired, (await CheckAsync(app, practice, Purpose, token)).Status);
        Assert.False(await RedeemAsync(app, practice, id));
    }

    [Theory, BothDatabases]
    public async Task Revoking_ends_every_live_link_of_that_purpose_for_that_subject_only(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var subject = Guid.NewGuid();
        var revoked = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, subject, TimeSpan.FromHours(1)));
        var otherPurpose = await IssueAsync(app, practice, new OneTimeLinkRequest(OtherPurpose, subject, TimeSpan.FromHours(1)));
        var otherSubject = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, Guid.NewGuid(), TimeSpan.FromHours(1)));

        var count = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().RevokeAllAsync(Purpose, subject));

        Assert.Equal(1, count);
        Assert.Equal(OneTimeLinkStatus.Expired, (await CheckAsync(app, practice, Purpose, revoked)).Status);
        Assert.Equal(OneTimeLinkStatus.Valid, (await CheckAsync(app, practice, OtherPurpose, otherPurpose)).Status);
        Assert.Equal(OneTimeLinkStatus.Valid, (await CheckAsync(app, practice, Purpose, otherSubject)).Status);
        Assert.True(await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().HasBeenIssuedAsync(Purpose, subject)));
    }

    [Theory, BothDatabases]
    public async Task A_new_link_replaces_the_live_one_and_carries_its_data(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var practice = await app.CreatePracticeAsync();
        var subject = Guid.NewGuid();
        var first = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, subject, TimeSpan.FromHours(1), "first@example.com"));
        var second = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, subject, TimeSpan.FromHours(1), "second@example.com"));

        Assert.Equal(OneTimeLinkStatus.Expired, (await CheckAsync(app, practice, Purpose, first)).Status);
        var check = await CheckAsync(app, practice, Purpose, second);
        Assert.Equal("second@example.com", check.Link!.Data);
        var pending = await app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().PendingAsync(Purpose, [subject, Guid.NewGuid()]));
        Assert.Equal("second@example.com", Assert.Single(pending).Value);
    }

    [Theory, BothDatabases]
    public async Task The_cleanup_job_deletes_only_links_long_expired(DatabaseProvider provider)
    {
        await using var app = await PortalApplication.StartAsync(provider);
        var practice = await app.CreatePracticeAsync();
        var old = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, Guid.NewGuid(), TimeSpan.FromHours(1)));
        app.Clock.Advance(OneTimeLinksCleanupHandler.KeptAfterExpiry);
        var recent = await IssueAsync(app, practice, new OneTimeLinkRequest(Purpose, Guid.NewGuid(), TimeSpan.FromHours(1)));
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.InPracticeAsync(practice, sp => sp.GetRequiredService<OneTimeLinksCleanupHandler>()
            .ExecuteAsync(new ScheduledRun(app.Clock.GetUtcNow().UtcDateTime), new JobContext(Guid.NewGuid(), practice.Name, "{}", 1, 1), default));

        Assert.Equal(OneTimeLinkStatus.Invalid, (await CheckAsync(app, practice, Purpose, old)).Status);
        Assert.Equal(OneTimeLinkStatus.Expired, (await CheckAsync(app, practice, Purpose, recent)).Status);
    }

    private static Task<string> IssueAsync(PortalApplication app, TenantDescriptor practice, OneTimeLinkRequest request)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().IssueAsync(request));

    private static Task<OneTimeLinkCheck> CheckAsync(PortalApplication app, TenantDescriptor practice, string purpose, string? token)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().CheckAsync(purpose, token));

    private static Task<bool> RedeemAsync(PortalApplication app, TenantDescriptor practice, Guid id)
        => app.InPracticeAsync(practice, sp => sp.GetRequiredService<IOneTimeLinks>().RedeemAsync(id));
}
