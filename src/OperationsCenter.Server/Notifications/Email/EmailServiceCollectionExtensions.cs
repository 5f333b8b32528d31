using Microsoft.Extensions.Options;
using OperationsCenter.Grains.Alerts;
using OperationsCenter.Server.Persistence;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>Registers leader mail (<c>OperationsCenter:Email</c>): the outbox, its sender and the <c>email</c> health check.</summary>
internal static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox's folder in the data directory.</summary>
    public const string FolderName = "email";

    /// <summary>Adds mail as a notice channel; it stays idle while no server is configured.</summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<EmailOptions>(builder.Configuration.GetSection("OperationsCenter:Email"));
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<EmailOptions>().ValidateOnStart();
        services.AddSingleton(new EmailOutbox(Path.Combine(DataDirectory.Resolve(builder.Configuration, builder.Environment), FolderName)));
        services.AddSingleton<TrustedCertificates>();
        services.AddSingleton(sp => new EmailSender(
            sp.GetRequiredService<IOptionsMonitor<EmailOptions>>(),
            sp.GetRequiredService<EmailOutbox>(),
            sp.GetRequiredService<TrustedCertificates>(),
            sp.GetService<Telemetry.CenterMetrics>(),
            sp.GetRequiredService<ILogger<EmailSender>>(),
            TimeProvider.System));
        services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        services.AddKeyedSingleton<IAlertNotifier, EmailNotifier>(AlertNotifiers.ChannelKey);
        services.AddHealthChecks().AddCheck<EmailHealthCheck>("email");
        return builder;
    }
}
