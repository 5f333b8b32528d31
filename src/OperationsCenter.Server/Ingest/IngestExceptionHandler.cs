using Microsoft.AspNetCore.Diagnostics;

namespace OperationsCenter.Server.Ingest;

/// <summary>
/// Answers an unhandled failure of an ingest request with a plain JSON 500 in the endpoint's dialect: no exception
/// text, type or stack trace (they can name files and internals), only a reference to find it in the log, where the
/// exception handler middleware has already written it.
/// </summary>
internal sealed class IngestExceptionHandler : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IngestRoutes.TryGetDialect(httpContext.Request, out var dialect))
        {
            return false;
        }

        await IngestErrors.Internal(dialect, httpContext.TraceIdentifier).ExecuteAsync(httpContext);
        return true;
    }
}
