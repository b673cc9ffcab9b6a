using System.Net;
using System.Net.Sockets;

namespace Alpha.TestUtils;

/// <summary>Free loopback ports, asked of the operating system.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
