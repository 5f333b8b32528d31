namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// Shell-style wildcards for rule matchers: <c>*</c> matches any run of characters (including none), <c>?</c> exactly
/// one; everything else matches itself, case-sensitively. No regular expressions: matching runs for every point
/// against every rule, so it must stay cheap and cannot be made to backtrack catastrophically.
/// </summary>
public static class GlobPattern
{
    /// <summary>Whether <paramref name="pattern"/> has no wildcard, so it matches only itself.</summary>
    public static bool IsLiteral(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.AsSpan().IndexOfAny('*', '?') < 0;
    }

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/> as a whole.</summary>
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        if (IsLiteral(pattern))
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        // Greedy scan remembering the last '*': on a mismatch, let that star swallow one more character.
        // Linear in practice, at worst pattern length × text length.
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]) && pattern[p] != '*')
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
