using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Billing.Data;
using Portal.Core.Contracts;
using Portal.Core.Data;
using Portal.Reports.Models;
using Portal.Reports.Services;
using Portal.Tests.Billing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// A page of the report after the first is bounded below by the last row's date as a plain comparison,
/// which the (date, id) index can start from. PostgreSQL does not start an index scan from the keyset's
/// OR alone: without the bound each page read the range from its first day, and a 100,000-payment
/// report took 20 s there (bench/reports/portal.sh --postgres).
/// </summary>
public sealed class PaymentReportPageQueryTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory, BothDatabases]
    public async Task A_page_after_the_first_starts_at_the_last_rows_date(DatabaseProvider provider)
    {
        var scenario = await BillingScenario.CreateAsync(await apps.For(provider));
        var query = new PaymentReportQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), null);

        var (first, next) = await scenario.InPracticeAsync(sp =>
        {
            var source = new PaymentReportSource(sp.GetRequiredService<BillingDbContext>(), sp.GetRequiredService<IClientDirectory>(), sp.GetRequiredService<IUserDirectory>());
            return Task.FromResult((source.PageQuery(query, null).ToQueryString(), source.PageQuery(query, (new DateOnly(2026, 6, 30), Guid.CreateVersion7())).ToQueryString()));
        });

        Assert.Single(LowerBounds(first));
        Assert.Equal(2, LowerBounds(next).Count);
    }

    private static MatchCollection LowerBounds(string sql) => Regex.Matches(sql, "\"ReceivedOn\" >= ", RegexOptions.None, TimeSpan.FromSeconds(1));
}
