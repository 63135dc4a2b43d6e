using System.Net;
using System.Net.Sockets;

namespace Autograder.Data.Tests.Catalog;

/// <summary>A real HTTP server on 127.0.0.1 for downloader tests: serves files by path, honours Range, and can cut a response short.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Task _loop;

    public LocalHttpServer()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Gets or sets a path whose first full (non-range) response stops after this many bytes.</summary>
    public (string Path, int Bytes)? TruncateOnce { get; set; }

    public List<string> RangeRequests { get; } = [];

    public void Add(string path, byte[] content) => _files[path] = content;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.TrimStart('/');
        var response = context.Response;
        if (!_files.TryGetValue(path, out var content))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }

        var start = 0;
        if (context.Request.Headers["Range"] is { } range)
        {
            RangeRequests.Add(range);
            start = int.Parse(range["bytes=".Length..range.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            response.StatusCode = 206;
            response.AddHeader("Content-Range", $"bytes {start}-{content.Length - 1}/{content.Length}");
        }

        var body = content.AsSpan(start).ToArray();
        response.ContentLength64 = body.Length;
        if (start == 0 && TruncateOnce is { } cut && cut.Path == path)
        {
            TruncateOnce = null;
            response.OutputStream.Write(body, 0, cut.Bytes);
            response.Abort();
            return;
        }

        response.OutputStream.Write(body);
        response.Close();
    }
}
