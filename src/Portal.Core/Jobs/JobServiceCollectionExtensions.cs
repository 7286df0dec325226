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

    public static IServiceCollection AddRecurringJob<THandler>(this IServiceCollection services, string name, TimeSpan interval)
        where THandler : class, IJobHandler
    {
        services.AddSingleton(new RecurringJobDefinition(name, THandler.JobType, interval));
        return services;
    }
}
