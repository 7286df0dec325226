using System.Globalization;

namespace Portal.Plans.Services;

/// <summary>Bytes as a person reads them (binary units, as the documents quota counts them).</summary>
public static class ByteCount
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString(CultureInfo.CurrentCulture)} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)} KB",
        < 1024L * 1024 * 1024 => $"{(bytes / 1024.0 / 1024).ToString("0.#", CultureInfo.CurrentCulture)} MB",
        _ => $"{(bytes / 1024.0 / 1024 / 1024).ToString("0.##", CultureInfo.CurrentCulture)} GB",
    };
}
