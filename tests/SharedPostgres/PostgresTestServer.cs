using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SelfDrivingLab.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the test process, started from the installed server programs (Debian's
/// <c>postgresql</c> package keeps <c>initdb</c> and <c>pg_ctl</c> under <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>) when
/// <see cref="PostgresTestDatabase.Variable"/> names no server, as the Mosquitto tests start their own brokers: a fresh
/// cluster in a temporary directory, on a free loopback port, with a role whose password is made for the run; stopped and
/// deleted when the process exits. <c>initdb</c> refuses to run as root, so as root the server runs as user
/// <c>postgres</c>, which the package creates.
/// </summary>
internal static class PostgresTestServer
{
    private static readonly Lazy<string> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The started server's connection string (database <c>postgres</c>); throws saying what is missing when it cannot start.</summary>
    public static string ConnectionString => Started.Value;

    private static string Start()
    {
        var bin = FindServerPrograms() ?? throw new InvalidOperationException(
            $"{PostgresTestDatabase.Variable} is not set and no PostgreSQL server programs (initdb, pg_ctl) are installed: the PostgreSQL ledger tests need "
            + $"a server. Install Debian's postgresql (apt-get install -y postgresql) or set {PostgresTestDatabase.Variable} to a connection string of a role "
            + $"that may create databases, e.g. {PostgresTestDatabase.Variable}='Host=127.0.0.1;Port=5433;Username=sdl;Password=sdl;Database=postgres'.");
        var asRoot = Environment.UserName == "root";
        var directory = Directory.CreateTempSubdirectory("sdl-test-postgres-").FullName;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(directory, "password");
        File.WriteAllText(passwordFile, password);
        if (asRoot)
        {
            Run("chown", ["-R", "postgres", directory], asPostgres: false);
        }

        var data = Path.Combine(directory, "data");
        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "sdl", "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256"], asRoot);
        Run(
            Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200", "start"],
            asRoot);
        StopWhenThisProcessEnds(Path.Combine(bin, "pg_ctl"), data, directory, asRoot);
        return $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=sdl;Password={password};Database=postgres";
    }

    // A watchdog outside this process (started in the background by a shell that exits at once, so it is nobody's child and
    // survives the test host being killed): once this process is gone it stops the server and deletes its directory.
    private static void StopWhenThisProcessEnds(string pgCtl, string data, string directory, bool asRoot)
    {
        var stop = asRoot ? $"runuser -u postgres -- '{pgCtl}' -D '{data}' -m immediate stop" : $"'{pgCtl}' -D '{data}' -m immediate stop";
        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var watchdog = $"(while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{directory}') </dev/null >/dev/null 2>&1 &";
        using var shell = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", watchdog }, UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start the PostgreSQL test server's watchdog");
        shell.WaitForExit();
    }

    private static string? FindServerPrograms()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", program } } : new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
