using System.CommandLine;
using System.Text.RegularExpressions;
using OperationsCenter.Catalog;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Commands;

/// <summary><c>keys add --department ID</c>: a new random key, shown once, and its settings entry (hash only).</summary>
internal static partial class KeysCommand
{
    /// <summary>The <c>keys</c> command and its <c>add</c>.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var department = new Option<string>("--department") { Description = "the department's id, as in the catalog", Required = true };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "the catalog the id is checked against (default: the one the server is configured with)" };
        var notInCatalog = new Option<bool>("--not-in-catalog") { Description = "issue the key although the catalog has no such department" };
        var json = new Option<bool>("--json") { Description = "print JSON, for scripts" };
        var add = new Command("add", "issue a department key: prints the key once and the settings entry holding only its hash")
        {
            department, catalog, notInCatalog, json,
        };
        add.SetAction(result => AdminCommand.Guarded(error, () =>
        {
            var id = result.GetValue(department)!;
            CheckCatalog(id, result.GetValue(catalog)?.FullName ?? ConfiguredCatalog(), result.GetValue(notInCatalog));
            return Add(id, result.GetValue(json), output);
        }));
        var name = new Option<string>("--name") { Description = "the scraper's entry name (letters, digits, '_'), e.g. prometheus", Required = true };
        var scrapeJson = new Option<bool>("--json") { Description = "print JSON, for scripts" };
        var scrape = new Command("add-scrape", "issue a /metrics scrape key: prints the key once and the settings entry holding only its hash")
        {
            name, scrapeJson,
        };
        scrape.SetAction(result => AdminCommand.Guarded(error, () => AddScrape(result.GetValue(name)!, result.GetValue(scrapeJson), output)));
        return new Command("keys", "department keys and /metrics scrape keys") { add, scrape };
    }

    /// <summary>Prints the key and the entry; returns the exit code.</summary>
    private static int Add(string department, bool json, TextWriter output)
    {
        var (key, entryName, entry) = IssuedKey.For(department);
        var hash = entry.Sha256;
        if (json)
        {
            output.WriteLine(CommandJson.Serialize(new { key, entryName, entry }));
            return 0;
        }

        output.WriteLine($"""
            New key for department {department}. It is shown only now and cannot be recovered: give it to the department's agent.

              {key}

            Add this entry to the settings file (OperationsCenter:SettingsFile, or appsettings.json),
            inside "OperationsCenter": {"{"} "DepartmentKeys": {"{"} ... {"}"} {"}"}:

              "{entryName}": {CommandJson.Serialize(entry)}

            or as environment variables (the same entry):

              export OperationsCenter__DepartmentKeys__{entryName}__Department={department}
              export OperationsCenter__DepartmentKeys__{entryName}__Sha256={hash}

            To revoke the key, remove the entry: the center follows the settings file without a restart.
            """);
        return 0;
    }

    /// <summary>Prints a new scrape key and its <c>OperationsCenter:Metrics:ScrapeKeys</c> entry; returns the exit code.</summary>
    private static int AddScrape(string name, bool json, TextWriter output)
    {
        if (!EntryName().IsMatch(name))
        {
            throw new CommandException($"'{name}' is not an entry name: use ASCII letters, digits and '_' (at most 64)");
        }

        var key = IssuedKey.NewSecret("ocm_");
        var entry = new Telemetry.ScrapeKey { Sha256 = DepartmentKeyResolver.Hash(key) };
        if (json)
        {
            output.WriteLine(CommandJson.Serialize(new { key, entryName = name, entry }));
            return 0;
        }

        output.WriteLine($"""
            New /metrics scrape key "{name}". It is shown only now and cannot be recovered: put it in Prometheus'
            scrape config (authorization: {"{"} type: Bearer, credentials: <key> {"}"}).

              {key}

            Add this entry to the settings file, inside "OperationsCenter": {"{"} "Metrics": {"{"} "ScrapeKeys": {"{"} ... {"}"} {"}"} {"}"}:

              "{name}": {CommandJson.Serialize(entry)}

            or as an environment variable:

              export OperationsCenter__Metrics__ScrapeKeys__{name}__Sha256={entry.Sha256}

            To revoke the key, remove the entry: the center follows the settings file without a restart.
            """);
        return 0;
    }

    /// <summary>Refuses an id that is not one, or that the catalog does not know (a typo would issue a key nobody can use).</summary>
    private static void CheckCatalog(string department, string? catalogPath, bool notInCatalog)
    {
        if (!IssuedKey.IsDepartmentId(department))
        {
            throw new CommandException($"department '{department}' is not an id: use {IssuedKey.DepartmentIdRule}");
        }

        if (notInCatalog || catalogPath is null || !File.Exists(catalogPath))
        {
            return;
        }

        var ids = CatalogReader.Load(catalogPath).Departments.Select(d => d.Id).ToList();
        if (!ids.Contains(department))
        {
            var closest = ids.OrderBy(id => Distance(id, department)).Take(3);
            throw new CommandException(
                $"department '{department}' is not in the catalog {catalogPath}; did you mean {string.Join(", ", closest)}? " +
                "Pass --not-in-catalog to issue the key anyway.");
        }
    }

    /// <summary>The catalog the server beside this binary is configured with (appsettings.json's OperationsCenter:CatalogPath).</summary>
    private static string? ConfiguredCatalog()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration["OperationsCenter:CatalogPath"] is { Length: > 0 } path ? Path.GetFullPath(path, AppContext.BaseDirectory) : null;
    }

    /// <summary>Edit distance, to suggest the ids closest to a mistyped one.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex EntryName();
}
