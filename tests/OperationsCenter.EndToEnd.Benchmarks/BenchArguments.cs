using System.Globalization;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>The benchmark command's arguments: a mode flag and <c>--name value</c> pairs.</summary>
internal sealed class BenchArguments(string[] args)
{
    /// <summary>True when <paramref name="flag"/> was given.</summary>
    public bool Has(string flag) => args.Contains(flag);

    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public string? Text(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) => Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The comma-separated numbers after <paramref name="name"/>, or those of <paramref name="fallback"/>.</summary>
    public IReadOnlyList<int> Ints(string name, string fallback) =>
        [.. (Text(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
}
