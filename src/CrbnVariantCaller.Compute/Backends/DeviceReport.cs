using System.Text;

namespace CrbnVariantCaller.Compute.Backends;

/// <summary>One backend/device seen by <see cref="BackendSelector.ListDevices"/>.</summary>
/// <param name="Kind">The backend.</param>
/// <param name="Name">The device, in words (or the backend when no device was found).</param>
/// <param name="IsGpu">Whether it is a GPU.</param>
/// <param name="Usable">Whether kernels can run on it.</param>
/// <param name="Reason">Why it is not usable (null when usable).</param>
public sealed record DeviceEntry(BackendKind Kind, string Name, bool IsGpu, bool Usable, string? Reason);

/// <summary>Everything <c>crbn devices</c> prints: every backend, every device, and why any is unavailable.</summary>
public sealed class DeviceReport
{
    internal DeviceReport(IReadOnlyList<DeviceEntry> entries, BackendKind autoChoice)
    {
        Entries = entries;
        AutoChoice = autoChoice;
    }

    /// <summary>All entries: the managed CPU first, then CUDA, OpenCL and the ILGPU CPU accelerator.</summary>
    public IReadOnlyList<DeviceEntry> Entries { get; }

    /// <summary>What <c>--device auto</c> would pick.</summary>
    public BackendKind AutoChoice { get; }

    /// <summary>Human-readable table.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        foreach (DeviceEntry e in Entries)
        {
            sb.Append(e.Kind.OptionName().PadRight(10)).Append(e.Usable ? "available    " : "unavailable  ").Append(e.Name);
            if (e.Reason is not null)
            {
                sb.Append(" — ").Append(e.Reason);
            }

            sb.AppendLine();
        }

        sb.Append("auto selects: ").AppendLine(AutoChoice.OptionName());
        return sb.ToString();
    }
}
