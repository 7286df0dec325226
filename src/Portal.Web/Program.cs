using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Billing.Endpoints;
using Portal.Core;
using Portal.Core.Errors;
using Portal.Core.Modules;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Web;
using Portal.Web.Endpoints;
using Portal.Web.HostAdmin;
using Portal.Web.Payments;

var builder = WebApplication.CreateBuilder(args);

// Themes' files (_content/...) are served from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

// Before AddPortal: the embedded Stripe emulator (Demo) must be listening before the start-up tasks run.
builder.Services.AddEmbeddedStripeEmulator();
var catalog = builder.Services.AddPortal(builder.Configuration, portal => portal
    .AddModule<Portal.Theme.Client.Startup>()
    .AddModule<Portal.Theme.Admin.Startup>()
    .AddModule<Portal.Admin.Startup>()
    .AddModule<Portal.Identity.Startup>()
    .AddModule<Portal.Audit.Startup>()
    .AddModule<Portal.Notifications.Startup>()
    .AddModule<Portal.Clients.Startup>()
    .AddModule<Portal.Documents.Startup>()
    .AddModule<Portal.Billing.Startup>()
    .AddModule<Portal.Reports.Startup>()
    .AddModule<Portal.SecureMail.Startup>()
    .AddModule<Portal.Plans.Startup>()
    .AddModule<Portal.Messages.Startup>()
    .AddModule<Portal.Projects.Startup>()
    .AddModule<Portal.Tasks.Startup>()
    .AddModule<Portal.Sync.Startup>());

builder.Services.AddHostAdmin(builder.Configuration);
builder.Services.AddPlatformStripeKeys();
builder.Services.AddRazorPages(options =>
{
    options.Conventions.Add(new ModulePageConvention(catalog));
    options.Conventions.AddFolderApplicationModelConvention("/HostAdmin", page => page.EndpointMetadata.Add(HostOnlyMetadata.Instance));
    options.Conventions.AddFolderApplicationModelConvention("/Platform", page => page.EndpointMetadata.Add(HostOnlyMetadata.Instance));
    options.Conventions.AuthorizeFolder("/HostAdmin", HostAdminDefaults.Policy);
    options.Conventions.AllowAnonymousToPage("/HostAdmin/SignIn");
}).ConfigureApplicationPartManager(parts =>
{
    // The portal has pages and endpoints, no controllers; looking for them loaded every type of every
    // module assembly at start (a few thousand, whose type data stays in memory).
    foreach (var provider in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
    {
        parts.FeatureProviders.Remove(provider);
    }
});
builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, Portal.Core.Navigation.TempDataCookie>();
builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add(new UnknownPageHandlerFilter()));
builder.Services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "portal.af";
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.Cookie.SameSite = SameSiteMode.Strict;

    // Framing is governed by SecurityHeadersMiddleware (DENY, and CSP frame-ancestors).
    options.SuppressXFrameOptionsHeader = true;
});
builder.Services.AddPortalProblemDetails();
builder.Services.AddApiDocument();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    // Behind a reverse proxy, trust X-Forwarded-* from the proxies listed in Portal:ForwardedHeaders:KnownProxies.
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    foreach (var proxy in builder.Configuration.GetSection("Portal:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});

var app = builder.Build();

if (app.Configuration.GetValue("Portal:ForwardedHeaders:Enabled", false))
{
    app.UseForwardedHeaders();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<TenantResolutionMiddleware>();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePortalModules();

app.MapStaticAssets();

app.MapHostEndpoints();
app.MapStripeWebhookEndpoints();
app.MapApiDocument();
app.MapRazorPages();
app.MapPortalModules();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

// A command is a bare word; options (--x) and configuration (Key=Value) are for serving.
if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal))
{
    return await PortalCommands.RunAsync(app, args);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the application.</summary>
public partial class Program;
