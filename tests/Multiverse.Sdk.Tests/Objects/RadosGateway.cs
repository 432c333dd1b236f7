using System.Diagnostics;
using System.Globalization;
using System.Text;
using Multiverse.Sdk.Tests.Infrastructure;

namespace Multiverse.Sdk.Tests.Objects;

/// <summary>
/// A throwaway single-node Ceph cluster (one monitor, one in-memory OSD, radosgw on loopback) for S3 tests and
/// benchmarks. Start takes a few seconds; dispose stops every daemon by process id and deletes its folder.
/// The binaries come from eng/prerequisites/radosgw.sh.
/// </summary>
public sealed class RadosGateway : IAsyncDisposable
{
    public const string AccessKey = "multiverse-test";
    public const string SecretKey = "multiverse-test-secret";

    /// <summary>A key id that radosgw's "testing" KMS backend knows, for SSE-KMS requests.</summary>
    public const string KmsKeyId = "multiverse-test-key";

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder;
    private readonly List<Process> _daemons = [];

    private RadosGateway(string folder, int port)
    {
        _folder = folder;
        ServiceUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Gets the S3 endpoint, for Multiverse:Aws:S3:ServiceUrl.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>
    /// The settings that point an application's shared S3 client at this server through the real AddMultiverse path.
    /// </summary>
    public Dictionary<string, string?> ClientSettings() => new()
    {
        ["Multiverse:Aws:Region"] = "us-east-1",
        ["Multiverse:Aws:S3:ServiceUrl"] = ServiceUrl.ToString(),
        ["Multiverse:Aws:LocalCredentials:AccessKeyId"] = AccessKey,
        ["Multiverse:Aws:LocalCredentials:SecretAccessKey"] = SecretKey,
    };

    /// <summary>Starts the cluster and creates the S3 user; throws with the daemons' logs when it cannot.</summary>
    public static async Task<RadosGateway> StartAsync()
    {
        if (!File.Exists("/usr/bin/radosgw") || !File.Exists("/usr/bin/ceph-mon") || !File.Exists("/usr/bin/ceph-osd"))
        {
            throw new InvalidOperationException(
                "Ceph's radosgw, ceph-mon and ceph-osd are not installed. Run 'bash eng/prerequisites/radosgw.sh' "
                + "(eng/test.sh runs it for you).");
        }

        string folder = Directory.CreateTempSubdirectory("multiverse-radosgw-").FullName;
        var gateway = new RadosGateway(folder, FreePort.Next());
        try
        {
            await gateway.StartDaemonsAsync(FreePort.Next());
            return gateway;
        }
        catch (Exception exception)
        {
            string logs = gateway.ReadLogs();
            await gateway.DisposeAsync();
            throw new InvalidOperationException($"radosgw did not start: {exception.Message}\n{logs}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Gateway first, monitor last: daemons that lose the monitor first retry for a long time before exiting.
        for (int index = _daemons.Count - 1; index >= 0; index--)
        {
            Process daemon = _daemons[index];
            if (!daemon.HasExited)
            {
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }

            daemon.Dispose();
        }

        _daemons.Clear();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A daemon's last log write can race the delete; the folder is in the temp directory anyway.
        }
    }

    private async Task StartDaemonsAsync(int monitorPort)
    {
        string config = Path.Combine(_folder, "ceph.conf");
        string fsid = Guid.NewGuid().ToString();
        string monitor = $"v2:127.0.0.1:{monitorPort.ToString(CultureInfo.InvariantCulture)}";
        await File.WriteAllTextAsync(config, CreateConfig(fsid, monitor));
        foreach (string sub in new[] { "run", "log", "mon/mon.a", "osd/osd.0", "rgw" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, sub));
        }

        string monmap = Path.Combine(_folder, "monmap");
        await RunAsync("monmaptool", "--create", "--addv", "a", $"[{monitor}]", "--fsid", fsid, monmap);
        await RunAsync("ceph-mon", "-c", config, "--mkfs", "-i", "a", "--monmap", monmap);
        StartDaemon("mon", "ceph-mon", "-c", config, "-i", "a", "-f");

        await RunAsync("ceph", "-c", config, "--connect-timeout", "30", "osd", "create");
        await RunAsync("ceph-osd", "-c", config, "-i", "0", "--mkfs");
        StartDaemon("osd", "ceph-osd", "-c", config, "-i", "0", "-f");
        StartDaemon("rgw", "radosgw", "-c", config, "-n", "client.rgw", "-f");

        await WaitUntilServingAsync();
        await RunAsync(
            "radosgw-admin",
            "-c",
            config,
            "user",
            "create",
            "--uid",
            "multiverse",
            "--display-name",
            "Multiverse tests",
            "--access-key",
            AccessKey,
            "--secret-key",
            SecretKey);
    }

    private string CreateConfig(string fsid, string monitor)
    {
        int port = ServiceUrl.Port;
        string kmsKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"));

        // Facts from docs/environment.md: auth none with crc messenger modes, pool size one, fast paxos, loopback.
        // Ceph's parser needs the final line break.
        return $"""
            [global]
            fsid = {fsid}
            mon host = {monitor}
            public addr = 127.0.0.1
            auth cluster required = none
            auth service required = none
            auth client required = none
            ms mon client mode = crc
            ms client mode = crc
            ms bind msgr1 = false
            run dir = {_folder}/run
            log file = {_folder}/log/$name.log
            admin socket = {_folder}/run/$name.asok
            osd pool default size = 1
            osd pool default min size = 1
            osd pool default pg num = 8
            osd pool default pgp num = 8
            mon allow pool size one = true
            mon data avail crit = 0
            mon data avail warn = 0
            paxos propose interval = 0.05
            paxos min wait = 0.01
            osd objectstore = memstore
            memstore device bytes = 17179869184
            osd data = {_folder}/osd/$name
            mon data = {_folder}/mon/$name

            [client.rgw]
            rgw frontends = beast endpoint=127.0.0.1:{port}
            rgw data = {_folder}/rgw
            rgw crypt require ssl = false
            rgw crypt s3 kms backend = testing
            rgw crypt s3 kms encryption keys = {KmsKeyId}={kmsKey}

            """;
    }

    private void StartDaemon(string name, string program, params string[] arguments)
    {
        // exec keeps the shell's process id, so killing it stops the daemon itself.
        string command = $"exec {program} {string.Join(' ', arguments)} >{_folder}/log/{name}.out 2>&1";
        var start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command }, UseShellExecute = false };
        _daemons.Add(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}."));
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_daemons.FirstOrDefault(daemon => daemon.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"A Ceph daemon exited with code {exited.ExitCode}.");
            }

            try
            {
                using HttpResponseMessage response = await client.GetAsync(ServiceUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < s_startTimeout)
            {
                // Not listening yet: radosgw opens its port once its pools exist.
            }
            catch (TaskCanceledException) when (deadline.Elapsed < s_startTimeout)
            {
                // radosgw accepted the connection but is still creating its pools.
            }

            if (deadline.Elapsed >= s_startTimeout)
            {
                throw new TimeoutException($"radosgw did not answer on {ServiceUrl} within {s_startTimeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_startTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' exited with {process.ExitCode}: "
                + $"{await output}{await error}");
        }
    }

    private string ReadLogs()
    {
        string logs = Path.Combine(_folder, "log");
        if (!Directory.Exists(logs))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (string path in Directory.EnumerateFiles(logs, "*.out"))
        {
            string content = File.ReadAllText(path);
            string tail = content[Math.Max(0, content.Length - 2000)..];
            text.Append("--- ").AppendLine(Path.GetFileName(path)).AppendLine(tail);
        }

        return text.ToString();
    }
}
