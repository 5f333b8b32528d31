using System.Collections.Concurrent;
using System.Text.Json;
using OperationsCenter.Server.Ingest;
using OperationsCenter.Server.Persistence;

namespace OperationsCenter.Server.Departments;

/// <summary>
/// What each department's feed brought lately: its last receipt (in memory; the live state's last-seen stands in after
/// a restart) and the lines refused in the last <see cref="Kept"/>, durably in <c>data/departments/&lt;id&gt;.refused.jsonl</c>,
/// at most <see cref="MaxPerDepartment"/> per department (a flood of bad lines cannot fill the disk).
/// </summary>
internal sealed class DepartmentFeedLog(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<DepartmentFeedLog> logger)
{
    /// <summary>Refused lines kept per department.</summary>
    public const int MaxPerDepartment = 500;

    /// <summary>Refused lines taken from one request: a body of 100,000 bad lines says no more than its first ones.</summary>
    public const int MaxPerRequest = 50;

    /// <summary>How long refused lines are listed.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    private const int MaxLineChars = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lazy<string> _folder = new(() =>
        Directory.CreateDirectory(Path.Combine(DataDirectory.Resolve(configuration, environment), "departments")).FullName);
    private readonly ConcurrentDictionary<string, Book> _books = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LastReceipt> _receipts = new(StringComparer.Ordinal);

    /// <summary>
    /// Notes a request's outcome: its receipt when it stored points (with <paramref name="refusedInAll"/> lines refused,
    /// by default <paramref name="problems"/>' count), its refused lines (with their text) if any.
    /// </summary>
    public void Record(string department, string source, int accepted, IReadOnlyList<LineProblem> problems, int? refusedInAll = null)
    {
        var now = clock.GetUtcNow();
        if (accepted > 0)
        {
            _receipts[department] = new LastReceipt(now, accepted, refusedInAll ?? problems.Count);
        }

        if (problems.Count == 0 || !Safe(department))
        {
            return;
        }

        var lines = problems.Take(MaxPerRequest)
            .Select(p => new RefusedLine(now, source, p.Message, Clip(p.Text ?? "")))
            .ToList();
        var book = BookOf(department);
        lock (book)
        {
            book.Lines.AddRange(lines);
            if (book.Lines.Count > MaxPerDepartment)
            {
                book.Lines.RemoveRange(0, book.Lines.Count - MaxPerDepartment);
            }

            try
            {
                // Rewritten whole once the file holds twice the cap, so it stays bounded; appended otherwise.
                if (book.LinesInFile + lines.Count > 2 * MaxPerDepartment)
                {
                    var temporary = book.Path + ".tmp";
                    File.WriteAllLines(temporary, book.Lines.Select(l => JsonSerializer.Serialize(l, Json)));
                    File.Move(temporary, book.Path, overwrite: true);
                    book.LinesInFile = book.Lines.Count;
                }
                else
                {
                    File.AppendAllLines(book.Path, lines.Select(l => JsonSerializer.Serialize(l, Json)));
                    book.LinesInFile += lines.Count;
                }
            }
            catch (IOException ex)
            {
                // The page then lists them until a restart; ingest itself must not fail for its own bookkeeping.
                logger.LogWarning(ex, "Could not record refused lines of {Department} in {Path}", department, book.Path);
            }
        }
    }

    /// <summary>The department's refused lines of the last <see cref="Kept"/>, newest first.</summary>
    public IReadOnlyList<RefusedLine> Refused(string department)
    {
        if (!Safe(department))
        {
            return [];
        }

        var since = clock.GetUtcNow() - Kept;
        var book = BookOf(department);
        lock (book)
        {
            return [.. book.Lines.Where(l => l.At >= since).Reverse()];
        }
    }

    /// <summary>The last request that stored points, since this process started; null before.</summary>
    public LastReceipt? LastReceived(string department) => _receipts.GetValueOrDefault(department);

    private Book BookOf(string department) => _books.GetOrAdd(department, id => Book.Load(Path.Combine(_folder.Value, id + ".refused.jsonl"), logger));

    // Department ids come from configuration and the catalog; one that could leave the folder is never a file name.
    private static bool Safe(string department) => Security.Roles.IsValid(Security.Roles.Department(department));

    private static string Clip(string line) => line.Length <= MaxLineChars ? line : line[..MaxLineChars] + "…";

    private sealed class Book(string path, List<RefusedLine> lines)
    {
        public string Path { get; } = path;

        public List<RefusedLine> Lines { get; } = lines;

        public int LinesInFile { get; set; } = lines.Count;

        public static Book Load(string path, ILogger logger)
        {
            var lines = new List<RefusedLine>();
            if (File.Exists(path))
            {
                foreach (var text in File.ReadLines(path))
                {
                    try
                    {
                        if (JsonSerializer.Deserialize<RefusedLine>(text, Json) is { } line)
                        {
                            lines.Add(line);
                        }
                    }
                    catch (JsonException)
                    {
                        // A line cut short by a crash mid-append: the others still count.
                        logger.LogDebug("Skipped a torn line of {Path}", path);
                    }
                }
            }

            var book = new Book(path, lines.Count > MaxPerDepartment ? lines[^MaxPerDepartment..] : lines);
            book.LinesInFile = lines.Count;
            return book;
        }
    }
}
