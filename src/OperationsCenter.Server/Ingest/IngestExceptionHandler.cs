using Microsoft.AspNetCore.Diagnostics;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Answers an unhandled failure of an ingest request with a plain JSON 500 in the endpoint's dialect: no exception
/// text, type or stack trace (they can name files and internals), only a reference, and logs the exception once under
/// that reference (the exception handler middleware does not log what a handler reports as handled).
/// </summary>
internal sealed partial class IngestExceptionHandler(ILogger<IngestExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IngestRoutes.TryGetDialect(httpContext.Request, out var dialect))
        {
            return false;
        }

        LogFailed(exception, httpContext.TraceIdentifier, httpContext.Request.Method, httpContext.Request.Path);
        await IngestErrors.Internal(dialect, httpContext.TraceIdentifier).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest request {Reference} ({Method} {Path}) failed with a 500")]
    private partial void LogFailed(Exception exception, string reference, string method, string path);
}
