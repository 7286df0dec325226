using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Tenancy;

/// <summary><c>dotnet Portal.Web.dll create-practices ...</c>, the bulk setup bench/practices uses.</summary>
public sealed class CreatePracticesCommandTests(ClassApps apps) : IClassFixture<ClassApps>
{
    [Theory, BothDatabases]
    public async Task The_command_sets_up_numbered_practices_and_skips_those_that_exist(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var prefix = "bulk" + Guid.NewGuid().ToString("N")[..8];

        var (code, output) = await RunAsync(app, "3", prefix);
        Assert.Equal(0, code);
        Assert.StartsWith("3 practices created, 0 existed, 0 failed", output.Trim(), StringComparison.Ordinal);
        foreach (var name in new[] { $"{prefix}-0001", $"{prefix}-0002", $"{prefix}-0003" })
        {
            Assert.Equal(TenantState.Running, app.Get<TenantRegistry>().Find(name)?.State);
        }

        (code, output) = await RunAsync(app, "4", prefix);
        Assert.Equal(0, code);
        Assert.StartsWith("1 practices created, 3 existed, 0 failed", output.Trim(), StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, app.Get<TenantRegistry>().Find($"{prefix}-0004")?.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("many")]
    [InlineData("0")]
    [InlineData("2|Not A Name")]
    public async Task Bad_arguments_exit_2_with_the_usage_and_create_nothing(string joined)
    {
        var arguments = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
        var app = await apps.For(DatabaseProvider.Sqlite);
        var before = app.Get<TenantRegistry>().Current.Count;

        var (code, output) = await RunAsync(app, arguments);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(output));
        Assert.Equal(before, app.Get<TenantRegistry>().Current.Count);
    }

    private static async Task<(int Code, string Output)> RunAsync(PortalApplication app, params string[] arguments)
    {
        var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "create-practices");
        using var output = new StringWriter();
        var code = await command.RunAsync(arguments, output, default);
        return (code, output.ToString());
    }
}
