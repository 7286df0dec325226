using Portal.Sync.Services;

namespace Portal.Tests.Sync;

public sealed class LoopbackRedirectUrisTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/callback", true)]
    [InlineData("http://127.0.0.1:65535/callback", true)]
    [InlineData("http://127.0.0.1/callback", true)]
    [InlineData("http://127.0.0.1:5000/callback/", false)]
    [InlineData("http://127.0.0.1:5000/Callback", false)]
    [InlineData("http://127.0.0.1:5000/other", false)]
    [InlineData("http://127.0.0.1:5000/callback?x=1", false)]
    [InlineData("http://127.0.0.1:5000/callback#x", false)]
    [InlineData("http://user@127.0.0.1:5000/callback", false)]
    [InlineData("http://127.0.0.1:5000/x/../callback", false)]
    [InlineData("http://localhost:5000/callback", false)]
    [InlineData("https://127.0.0.1:5000/callback", false)]
    [InlineData("http://127.0.0.2:5000/callback", false)]
    [InlineData("http://attacker.example:5000/callback", false)]
    public void Only_the_port_may_differ(string requested, bool accepted)
        => Assert.Equal(accepted, LoopbackRedirectUris.Matches(SyncClient.RedirectUri, requested));
}
