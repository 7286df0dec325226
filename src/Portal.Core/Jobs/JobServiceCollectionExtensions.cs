using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Jobs;

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(THandler.JobType, typeof(THandler)));
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> and runs it once per occurrence of <paramref name="cron"/>
    /// (five fields, UTC) for the whole platform; only one server queues each occurrence.
    /// </summary>
    public static IServiceCollection AddPlatformRecurringJob<THandler>(this IServiceCollection services, string cron, int? maxAttempts = null)
        where THandler : class, IJobHandler<ScheduledRun>
    {
        var schedule = RecurringJobDefinition.Parse(THandler.JobType, cron);
        services.AddJobHandler<THandler>();
        services.AddSingleton(new RecurringJobDefinition(THandler.JobType, schedule, ForEachPractice: false) { MaxAttempts = maxAttempts });
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> and runs it, in the practice's unit of work, once per
    /// occurrence of <paramref name="cron"/> in each running practice (where <paramref name="requiredFeature"/>
    /// is on, when given). The expression is read in the practice's time zone: "0 2 * * *" is 02:00
    /// where the practice is. Each practice's run is its own job, retried on its own.
    /// </summary>
    public static IServiceCollection AddPracticeRecurringJob<THandler>(this IServiceCollection services, string cron, string? requiredFeature = null, int? maxAttempts = null)
        where THandler : class, IJobHandler<ScheduledRun>
    {
        var schedule = RecurringJobDefinition.Parse(THandler.JobType, cron);
        services.AddJobHandler<THandler>();
        services.AddSingleton(new RecurringJobDefinition(THandler.JobType, schedule, ForEachPractice: true) { RequiredFeature = requiredFeature, MaxAttempts = maxAttempts });
        return services;
    }
}
