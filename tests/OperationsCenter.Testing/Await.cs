namespace OperationsCenter.Testing;

/// <summary>Polls a condition with a deadline instead of sleeping a fixed time; the failure says what was expected.</summary>
public static class Await
{
    /// <summary>Calls <paramref name="probe"/> until <paramref name="done"/> holds or the deadline (10 s unless given) passes.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {expected}. Last seen: {last}");
            }

            await Task.Delay(20);
        }
    }
}
