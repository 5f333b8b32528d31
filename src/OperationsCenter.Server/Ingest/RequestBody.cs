using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace OperationsCenter.Server.Ingest;

/// <summary>A request body read into a pooled buffer; dispose to return it.</summary>
internal sealed class RequestBody : IDisposable
{
    private readonly BodyBudget _budget;
    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length, BodyBudget budget)
    {
        _buffer = buffer;
        Length = length;
        _budget = budget;
    }

    /// <summary>Bytes read (after decompression).</summary>
    public int Length { get; }

    /// <summary>The body.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>The body, for async callers.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>
    /// Reads the body, inflating gzip, within the configured limits; the buffer's bytes are taken from
    /// <paramref name="budget"/> as it grows and given back on dispose. Returns a failure instead of a body when a limit
    /// is passed, the gzip stream is corrupt or the body comes too slowly.
    /// </summary>
    public static async Task<(RequestBody? Body, BodyFailure? Failure)> ReadAsync(
        HttpRequest request, IngestOptions options, BodyBudget budget, CancellationToken cancellationToken)
    {
        // Kestrel's limit is MaxBodyBytes for every request; this one may carry up to twice that, only so that Kestrel
        // reads and drops the rest of a somewhat too large body after the 413 below: a client still sending (HTTP/1.1)
        // then reads the JSON answer instead of a reset connection. What is kept is limited below, to MaxBodyBytes.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
        {
            kestrelLimit.MaxRequestBodySize = options.MaxBodyBytes * 2;
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return (null, BodyFailure.TooLarge(options.MaxBodyBytes, compressed: false));
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (null, BodyFailure.Unsupported(encoding));
        }

        var limit = gzip ? options.MaxDecompressedBytes : options.MaxBodyBytes;
        var raw = new LimitedStream(request.Body, options.MaxBodyBytes);
        await using var source = gzip ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : (Stream)raw;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 64 * 1024, 4096, gzip ? 1 << 20 : options.MaxBodyBytes));
        if (!budget.TryTake(buffer.Length))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, BodyFailure.Busy());
        }

        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        Release(buffer, budget);
                        return (null, BodyFailure.TooLarge(limit, gzip));
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                    if (!budget.TryTake(larger.Length))
                    {
                        ArrayPool<byte>.Shared.Return(larger);
                        Release(buffer, budget);
                        return (null, BodyFailure.Busy());
                    }

                    buffer.AsSpan(0, length).CopyTo(larger);
                    Release(buffer, budget);
                    buffer = larger;
                }

                var read = await source.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, limit + 1 - length)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    Release(buffer, budget);
                    return (null, BodyFailure.TooLarge(limit, gzip));
                }
            }
        }
        catch (InvalidDataException)
        {
            Release(buffer, budget);
            return (null, BodyFailure.BadGzip());
        }
        catch (LimitedStream.LimitExceededException)
        {
            Release(buffer, budget);
            return (null, BodyFailure.TooLarge(options.MaxBodyBytes, compressed: false));
        }
        catch (BadHttpRequestException bad)
        {
            // Kestrel's own body limit (kept equal to MaxBodyBytes), its minimum data rate, or a body cut short by the client.
            Release(buffer, budget);
            return (null, bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => BodyFailure.TooLarge(options.MaxBodyBytes, compressed: false),
                StatusCodes.Status408RequestTimeout => BodyFailure.TooSlow(options.Concurrency.MinBodyBytesPerSecond),
                _ => BodyFailure.Incomplete(),
            });
        }
        catch
        {
            Release(buffer, budget);
            throw;
        }

        return (new RequestBody(buffer, length, budget), null);
    }

    private static void Release(byte[] buffer, BodyBudget budget)
    {
        budget.Give(buffer.Length);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            Release(buffer, _budget);
        }
    }
}
