namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// One part of the table: its result, or why it has none. A part that fails (a 1,000,000-series run out of memory,
/// say) leaves its cells saying so and the other parts still run.
/// </summary>
internal sealed record Measured<T>(T? Value, string? Error) where T : class
{
    /// <summary>Runs <paramref name="measure"/>, printing its figures (or its failure) as soon as it ends.</summary>
    public static async Task<Measured<T>> RunAsync(string part, Func<Task<T>> measure, Func<T, string> describe)
    {
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {part} …");
        try
        {
            var value = await measure();
            Console.WriteLine(describe(value));
            return new Measured<T>(value, null);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"{part} failed: {ex}");
            return new Measured<T>(null, $"failed ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})");
        }
    }

    /// <summary>The cell: <paramref name="format"/> of the result, or the failure.</summary>
    public string Cell(Func<T, string> format) => Value is null ? Error! : format(Value);
}
