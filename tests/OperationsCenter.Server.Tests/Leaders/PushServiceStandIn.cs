using System.Collections.Concurrent;
using System.Net;
using OperationsCenter.Testing;

namespace OperationsCenter.Server.Tests.Leaders;

/// <summary>
/// Stands in for a browser vendor's push service on loopback: takes pushes over HTTP at <c>/push/{id}</c>, keeps
/// each request (headers and body) and answers 201, or the status set for that id (410 for a gone subscription).
/// </summary>
internal sealed class PushServiceStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, HttpStatusCode> _answers = new();
    private readonly Task _loop;

    public PushServiceStandIn()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>The origin pushes go to: the VAPID token's audience.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>Pushes received, in order.</summary>
    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>A new subscription endpoint answering <paramref name="answer"/>.</summary>
    public string Endpoint(string id, HttpStatusCode answer = HttpStatusCode.Created)
    {
        _answers[id] = answer;
        return $"{Origin}/push/{id}";
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var id = context.Request.Url!.AbsolutePath.Split('/').Last();
            Received.Enqueue(new ReceivedPush(
                id, context.Request.Headers["Authorization"] ?? "", context.Request.Headers["Content-Encoding"] ?? "",
                context.Request.Headers["TTL"] ?? "", body.ToArray()));
            context.Response.StatusCode = (int)_answers.GetValueOrDefault(id, HttpStatusCode.Created);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
