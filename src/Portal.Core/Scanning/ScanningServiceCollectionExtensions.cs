using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Core.Scanning;

public static class ScanningServiceCollectionExtensions
{
    /// <summary>Registers <c>Portal:Scanning</c> (validated at start) and the clamd scanner.</summary>
    public static IServiceCollection AddPortalScanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScanningOptions>().Bind(configuration.GetSection(ScanningOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<ScanningOptions>, ScanningModeDefault>();
        services.AddSingleton<IValidateOptions<ScanningOptions>, ScanningOptionsValidator>();
        services.AddSingleton<IMalwareScanner, ClamdScanner>();
        return services;
    }
}
