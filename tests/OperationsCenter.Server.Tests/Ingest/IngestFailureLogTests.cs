using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OperationsCenter.Server.Ingest;

namespace OperationsCenter.Server.Tests.Ingest;

/// <summary>A 500 names a reference, and the log has the exception under that same reference, once.</summary>
public sealed class IngestFailureLogTests
{
    [Fact]
    public async Task An_ingest_500_is_logged_once_with_its_reference_and_the_exception()
    {
        var log = new ListLogger();
        var handler = new IngestExceptionHandler(log);
        var context = new DefaultHttpContext { TraceIdentifier = "0HN-TEST-1" };
        context.Request.Method = "POST";
        context.Request.Path = "/write";
        context.Response.Body = new MemoryStream();
        context.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();
        var failure = new IOException("disk went away");

        Assert.True(await handler.TryHandleAsync(context, failure, CancellationToken.None));

        context.Response.Body.Position = 0;
        var answer = JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("error").GetString()!;
        Assert.Equal(500, context.Response.StatusCode);
        Assert.Contains("0HN-TEST-1", answer);
        Assert.DoesNotContain("disk went away", answer);
        var entry = Assert.Single(log.Entries);
        Assert.Equal((LogLevel.Error, failure), (entry.Level, entry.Exception));
        Assert.Contains("0HN-TEST-1", entry.Message);
    }

    private sealed class ListLogger : ILogger<IngestExceptionHandler>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
