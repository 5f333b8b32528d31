using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OperationsCenter.Grains;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Telemetry;

/// <summary>
/// Metrics on <c>/metrics</c> (OpenTelemetry SDK, Prometheus text format) for a scrape key or an admin, and traces to
/// an OTLP collector when <c>OperationsCenter:Telemetry:OtlpEndpoint</c> is set.
/// </summary>
internal static class TelemetryHostingExtensions
{
    /// <summary>The scrape endpoint's path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The authorization policy of <c>/metrics</c>: a scrape key or the admin role.</summary>
    public const string MetricsPolicy = "metrics";

    /// <summary>Meters exported besides the center's own: Orleans' (activations, messaging, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Registers the instruments, the SDK, the exporters and the scrape-key scheme.</summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<MetricsOptions>(configuration.GetSection("OperationsCenter:Metrics"));
        // The center's meters are made by this host's IMeterFactory and subscribed with a local scope: a provider that
        // listened by name alone would also take another host's meters in the same process (the test hosts), and lose
        // its own figures when that host stopped.
        services.AddMetrics(m => m
            .EnableMetrics(CenterMetrics.MeterName, scopes: MeterScope.Local)
            .EnableMetrics(GrainMetrics.MeterName, scopes: MeterScope.Local));
        services.AddSingleton<CenterMetrics>();
        services.AddSingleton<SpoolTraceLinks>();

        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ScrapeKeyHandler>(ScrapeKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, p => p
            .AddAuthenticationSchemes(ScrapeKeyHandler.SchemeName)
            .RequireAssertion(c => c.User.HasClaim(claim => claim.Type == ScrapeKeyHandler.ScraperClaim) || c.User.IsInRole(Roles.Admin)));

        var otlp = configuration["OperationsCenter:Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("OperationsCenter", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Every scrape reads the instruments now: a scrape is cheap, and one served from the exporter's cache
                    // (300 ms by default) could show an operator or a test figures from before what they just did.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });

        // Spans cost only when someone collects them: without a collector, none are made.
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(CenterActivity.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return builder;
    }

    /// <summary>
    /// Times every ingest request (<c>oc.ingest.request.duration</c>) from before the limits, so a 429 from the rate
    /// limiter or a 413 is measured too. Call before <c>UseIngestLimits</c>.
    /// </summary>
    public static IApplicationBuilder UseIngestMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<CenterMetrics>();
        return app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !IngestRoutes.TryGetDialect(context.Request, out var dialect))
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                metrics.IngestRequest(IngestDialectTag.For(dialect), context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            }
        });
    }

    /// <summary>Maps <c>/metrics</c>, for a scrape key (<c>Authorization: Bearer KEY</c>) or a signed-in admin.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // Made now, so their gauges are exported from the first scrape, not from the first write or grain activation.
        app.ServiceProvider.GetRequiredService<CenterMetrics>();
        app.ServiceProvider.GetRequiredService<GrainMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsPolicy);
        return app;
    }
}
