namespace OperationsCenter.Grains.Tests;

/// <summary>Polls a condition with a deadline instead of sleeping a fixed time.</summary>
internal static class Await
{
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
                throw new Xunit.Sdk.XunitException($"Timed out waiting for: {expected}. Last seen: {last}");
            }

            await Task.Delay(20);
        }
    }
}
