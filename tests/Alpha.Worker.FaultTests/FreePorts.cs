using System.Net;
using System.Net.Sockets;

namespace Alpha.Worker.FaultTests;

/// <summary>Free loopback ports, asked of the operating system.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
