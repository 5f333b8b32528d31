using System.Net;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>
/// A tiny HTTP server on a free loopback port (System.Net.HttpListener) that records each request and lets the
/// test decide the answer: stands in for InfluxDB endpoints that the real 1.6.7 does not have.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, HttpListenerResponse, Task> _handler;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _loop;

    private LoopbackServer(HttpListener listener, Uri url, Func<RecordedRequest, HttpListenerResponse, Task> handler)
    {
        _listener = listener;
        _handler = handler;
        Url = url;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts listening; <paramref name="handler"/> writes each answer (status, headers, body).</summary>
    public static LoopbackServer Start(Func<RecordedRequest, HttpListenerResponse, Task> handler)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{Testing.FreePort.Next()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return new LoopbackServer(listener, url, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // The free port was taken in between; try another.
                listener.Close();
            }
        }
    }

    /// <summary>Answers with a status and a JSON body.</summary>
    public static async Task ReplyJsonAsync(HttpListenerResponse response, int status, string json, params (string Name, string Value)[] headers)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        await response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Answers with a status and no body.</summary>
    public static Task ReplyEmptyAsync(HttpListenerResponse response, int status, params (string Name, string Value)[] headers)
    {
        response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed HttpListener looks its endpoint up again while closing and can fail with "address already
            // in use" when another test has taken the port meanwhile; the listener is closed either way.
        }

        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopping the listener ends the accept loop this way.
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var recorded = new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.QueryString, request.Headers, body.ToArray());
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        try
        {
            await _handler(recorded, context.Response);
        }
        catch (Exception e)
        {
            context.Response.StatusCode = 500;
            await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(e.ToString()));
        }
        finally
        {
            context.Response.Close();
        }
    }
}
