using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CrbnVariantCaller.Reliability.Tests.Runs;

/// <summary>A running <c>crbn</c> process (the built <c>crbn.dll</c> beside the tests) that a test can signal or kill.</summary>
internal sealed class CrbnChild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();

    private CrbnChild(string[] args)
    {
        // Started through python3 where it exists, to give crbn SIGINT's default disposition: a process started with
        // SIGINT ignored (as background jobs of non-interactive shells are) keeps it ignored, and Ctrl-C could not be tested.
        bool viaPython = TestSupport.ExternalTool.IsOnPath("python3");
        var psi = new ProcessStartInfo(viaPython ? "python3" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaPython)
        {
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])");
            psi.ArgumentList.Add("dotnet");
        }

        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crbn.dll"));
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["CRBN_LOG_LEVEL"] = "Information";
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public static CrbnChild Start(params string[] args) => new(args);

    /// <summary>Runs to the end and returns the exit code and both streams.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using CrbnChild child = Start(args);
        int code = child.WaitForExit(TimeSpan.FromMinutes(3));
        return (code, child.Stdout, child.Stderr);
    }

    /// <summary>Waits for the exit; returns the exit code.</summary>
    public int WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crbn did not finish within {limit}; stderr:\n{Stderr}");
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends a signal with kill(1): SIGKILL, SIGTERM or SIGINT.</summary>
    public void Signal(string name)
    {
        // kill(2) directly: starting a `kill` process takes long enough for a fast batch to finish in between.
        int number = name switch
        {
            "INT" => 2, "KILL" => 9, "TERM" => 15, "CONT" => 18, "STOP" => 19,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "a signal this test knows (Linux numbering)"),
        };
        const int NoSuchProcess = 3; // ESRCH: it has already ended, as a kill point after the batch's end finds it
        if (Kill(Pid, number) != 0 && Marshal.GetLastPInvokeError() is int errno && errno != NoSuchProcess)
        {
            throw new InvalidOperationException($"kill({Pid}, SIG{name}) failed: errno {errno}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Waits until stderr contains <paramref name="text"/> (or the process ends); false on timeout.</summary>
    public bool WaitForStderr(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Stderr.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                // The exit can be seen before the asynchronous reader has delivered the last lines: the parameterless
                // WaitForExit returns only once stderr has reached its end, then the text is looked for once more.
                _process.WaitForExit();
                return Stderr.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(10);
        }

        return false;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.Append(line).Append('\n');
        }
    }
}
