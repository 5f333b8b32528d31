using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OperationsCenter.Server.Notifications.Webhooks;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>A dispatcher built as the host would, over real receivers, a real HttpClient factory and a temp data folder.</summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    public const string ExternalUrl = "https://dieuhanh.example.vn/";

    private readonly ServiceProvider _services;

    private DispatcherHarness(WebhookReceivers receivers, WebhookOptions options)
    {
        Receivers = receivers;
        Options = new MutableOptionsMonitor<WebhookOptions>(options);
        DataDirectory = Directory.CreateTempSubdirectory("webhooks-").FullName;
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        Dispatcher = new WebhookDispatcher(Options, _services.GetRequiredService<IHttpClientFactory>(), Failures, DataDirectory,
            NullLogger<WebhookDispatcher>.Instance, TimeProvider.System);
    }

    public WebhookReceivers Receivers { get; }

    public MutableOptionsMonitor<WebhookOptions> Options { get; }

    public WebhookFailures Failures { get; } = new();

    public string DataDirectory { get; }

    public WebhookDispatcher Dispatcher { get; }

    /// <summary>
    /// Starts receivers and a dispatcher whose receivers are named after their paths (<c>ops</c> at <c>/ops</c>),
    /// with fast retries so tests do not wait seconds.
    /// </summary>
    public static async Task<DispatcherHarness> StartAsync(string[] receiverNames, params WebhookRouteOptions[] routes)
    {
        var receivers = await WebhookReceivers.StartAsync();
        return new DispatcherHarness(receivers, Configure(receivers, receiverNames, routes));
    }

    public static WebhookOptions Configure(WebhookReceivers receivers, string[] receiverNames, params WebhookRouteOptions[] routes)
    {
        var options = new WebhookOptions
        {
            ExternalUrl = ExternalUrl,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            Receivers = [.. receiverNames.Select(n => new WebhookReceiverOptions { Name = n, Url = receivers.Url("/" + n), TimeoutSeconds = 5 })],
            Routes = [.. routes],
        };
        Assert.Empty(WebhookOptionsValidator.Errors(options));
        return options;
    }

    public static WebhookRouteOptions Route(string receiver, params (string Label, string Glob)[] matchers) =>
        new() { Receiver = receiver, Matchers = matchers.ToDictionary(m => m.Label, m => m.Glob) };

    /// <summary>A route after which later routes are still tried.</summary>
    public static WebhookRouteOptions ContinueRoute(string receiver, params (string Label, string Glob)[] matchers)
    {
        var route = Route(receiver, matchers);
        route.Continue = true;
        return route;
    }

    public async ValueTask DisposeAsync()
    {
        await Receivers.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
