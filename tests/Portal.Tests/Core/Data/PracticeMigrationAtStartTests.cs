using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Tenancy;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Core.Data;

/// <summary>
/// At start, a practice whose recorded schema stamp is not the current one is migrated and stamped;
/// a first start, with no practice yet, has nothing to compare.
/// </summary>
public sealed class PracticeMigrationAtStartTests
{
    [Theory, BothDatabases]
    public async Task A_practice_with_a_stale_schema_stamp_is_migrated_and_stamped_at_the_next_start(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        string name;
        await using (var first = PortalApplication.StartOn(data))
        {
            name = (await first.CreatePracticeAsync()).Name;
            Assert.Equal(first.Get<TenantMigrator>().CurrentStamp(), (await first.Get<TenantStore>().FindAsync(name, default))!.SchemaStamp);

            // What an upgrade looks like to the next start: migrations the practice has not seen.
            await first.Get<TenantStore>().SetSchemaStampAsync(name, "before-the-upgrade", default);
        }

        await using var next = PortalApplication.StartOn(data);

        var record = await next.Get<TenantStore>().FindAsync(name, default);
        Assert.Equal(next.Get<TenantMigrator>().CurrentStamp(), record!.SchemaStamp);
        Assert.Equal(TenantState.Running, next.Get<TenantRegistry>().Find(name)!.State);
    }

    [Theory, BothDatabases]
    public async Task A_practice_created_before_an_always_on_feature_existed_has_it_switched_on_at_the_next_start(DatabaseProvider provider)
    {
        await using var data = await TestData.CreateAsync(provider);
        string name;
        IReadOnlySet<string> alwaysOn;
        await using (var first = PortalApplication.StartOn(data))
        {
            name = (await first.CreatePracticeAsync()).Name;
            alwaysOn = first.Get<ModuleCatalog>().Features.AlwaysOn;
            Assert.Contains(Portal.Plans.Manifest.Feature, alwaysOn);

            // What a practice set up before the Plans module looks like to the next start.
            var record = await first.Get<TenantStore>().FindAsync(name, default);
            await first.Get<TenantStore>().SetEnabledFeaturesAsync(name, record!.GetEnabledFeatures().Where(f => f != Portal.Plans.Manifest.Feature), default);
        }

        await using var next = PortalApplication.StartOn(data);

        Assert.Subset(next.Get<TenantRegistry>().Find(name)!.EnabledFeatures.ToHashSet(), alwaysOn.ToHashSet());
        Assert.Contains(Portal.Plans.Manifest.Feature, (await next.Get<TenantStore>().FindAsync(name, default))!.GetEnabledFeatures());
    }
}
