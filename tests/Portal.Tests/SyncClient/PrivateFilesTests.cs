using PortalSync.Storage;

namespace Portal.Tests.SyncProgram;

/// <summary>The token and state files are the user's alone from their first byte, and are replaced whole.</summary>
public sealed class PrivateFilesTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_token_and_state_files_are_created_with_mode_0600_in_a_0700_folder_and_replaced_atomically()
    {
        Assert.False(OperatingSystem.IsWindows(), "File modes are checked on Unix (CI).");
        using var sandbox = new SyncClientSandbox();
        var files = sandbox.Files;
        var portal = new Uri("https://practice.example/");
        await files.SaveConnectionAsync(new StoredConnection
        {
            Portal = portal,
            TokenEndpoint = new Uri(portal, "connect/token"),
            AccessToken = "access-secret",
            RefreshToken = "refresh-secret",
        }, CancellationToken.None);
        var state = new SyncState { Portal = portal };
        state.HashesOf("contacts")["C-1"] = "abc";
        await files.SaveStateAsync(state, CancellationToken.None);
        await files.SaveStateAsync(state, CancellationToken.None);

        const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(files.ConnectionPath));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(files.StatePath));
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(files.Folder));
        Assert.Equal(["connection.json", "state.json"], Directory.GetFiles(files.Folder).Select(Path.GetFileName).Order());
        Assert.Equal("refresh-secret", (await files.ReadConnectionAsync(CancellationToken.None))!.RefreshToken);
        Assert.Equal("abc", (await files.ReadStateAsync(portal, CancellationToken.None)).HashesOf("contacts")["C-1"]);

        // The state of another portal is not this one's.
        Assert.Empty((await files.ReadStateAsync(new Uri("https://other.example/"), CancellationToken.None)).Hashes);
    }

    [Fact]
    public async Task A_damaged_state_file_is_one_clear_message()
    {
        using var sandbox = new SyncClientSandbox();
        PrivateFile.EnsureFolder(sandbox.Files.Folder);
        await File.WriteAllTextAsync(sandbox.Files.ConnectionPath, "{ not json");

        Assert.Equal(1, await sandbox.RunAsync("status"));
        Assert.Contains("connection.json is damaged", sandbox.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Portal.", sandbox.Output, StringComparison.Ordinal);
    }
}
