namespace Alpha.Worker.FaultTests;

/// <summary>Bounded waits: every loop of the fault tests ends, by its condition or by a timeout naming what it waited for.</summary>
internal static class Wait
{
    public static void Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.");
            }

            Thread.Sleep(100);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!await Safely(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout} for {what}.");
            }

            await Task.Delay(100);
        }
    }

    // A server being restarted answers with an error for a while: that is "not yet".
    private static async Task<bool> Safely(Func<Task<bool>> condition)
    {
        try
        {
            return await condition();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
