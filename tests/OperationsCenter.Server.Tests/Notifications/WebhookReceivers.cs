using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OperationsCenter.Server.Tests.Notifications;

/// <summary>
/// Real webhook receivers: a Kestrel server on a free loopback port, one receiver per path, that records every
/// request and answers as scripted (200 unless told otherwise).
/// </summary>
internal sealed class WebhookReceivers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, TimeSpan Delay)>> _scripts = new();
    private readonly ConcurrentDictionary<string, int> _always = new();

    private WebhookReceivers(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Everything received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<WebhookReceivers> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receivers = new WebhookReceivers(builder.Build());
        await receivers._app.StartAsync();
        receivers.BaseUrl = receivers._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return receivers;
    }

    /// <summary>The receiver at <paramref name="path"/> answers these, in turn, before falling back to its usual answer.</summary>
    public WebhookReceivers Answer(string path, params (int Status, TimeSpan Delay)[] answers)
    {
        var script = _scripts.GetOrAdd(path, _ => new());
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }

        return this;
    }

    /// <summary>The receiver at <paramref name="path"/> always answers <paramref name="status"/> once its script is used up.</summary>
    public WebhookReceivers AlwaysAnswer(string path, int status)
    {
        _always[path] = status;
        return this;
    }

    public string Url(string path) => BaseUrl + path;

    public IReadOnlyList<RecordedRequest> At(string path) => [.. _requests.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(path, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            context.Request.ContentType, body));

        var (status, delay) = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var next)
            ? next
            : (_always.GetValueOrDefault(path, 200), TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = status;
        if (status >= 400)
        {
            await context.Response.WriteAsync($"scripted {status} from {path}");
        }
    }
}
