using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Contracts;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Documents.Data;
using Portal.Documents.Models;
using Portal.Documents.Services;

namespace Portal.Documents.Recipes;

/// <summary>
/// <c>{ "name": "documents", "clients": [ { "client": "external id or name", "folders": [ { "name", "clientCanUpload", "sharedWith": ["contributor e-mail"], "folders": [] } ],
/// "documents": [ { "file": "path next to the recipe", "name"?, "folder": "Parent/Child"?, "from": "practice|client", "by": "e-mail", "note"?, "noteVisibleToClient"? } ] } ] }</c>.
/// Folders are matched by name under their parent and documents by name in their folder, so a second
/// run adds nothing. Files go through the same name, type and quota checks as an upload, and are
/// stored encrypted like any other; no notification is sent for them.
/// </summary>
internal sealed class DocumentsStep(DocumentsDbContext db, DocumentStore store, DocumentLibrary library, IClientDirectory clients, IUserDirectory users, TimeProvider clock)
    : RecipeStep<DocumentsStep.Model>
{
    public override string Name => "documents";

    protected override IEnumerable<(string Field, string Problem)> Validate(Model model, RecipeStepContext context)
    {
        for (var i = 0; i < model.Clients.Count; i++)
        {
            var entry = model.Clients[i];
            var field = $"clients[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Client))
            {
                yield return ($"{field}.client", "is required: give the client's external ID or name.");
            }

            foreach (var problem in ValidateFolders(entry.Folders, $"{field}.folders"))
            {
                yield return problem;
            }

            for (var j = 0; j < entry.Documents.Count; j++)
            {
                var document = entry.Documents[j];
                var documentField = $"{field}.documents[{j}]";
                if (string.IsNullOrWhiteSpace(document.File))
                {
                    yield return ($"{documentField}.file", "is required: the path of the file, relative to the recipe.");
                }

                if (document.From is not ("practice" or "client"))
                {
                    yield return ($"{documentField}.from", $"'{document.From}' is neither \"practice\" nor \"client\".");
                }

                if (string.IsNullOrWhiteSpace(document.By) || !document.By.Contains('@', StringComparison.Ordinal))
                {
                    yield return ($"{documentField}.by", "is required: the e-mail of the user who sent the file.");
                }

                if (document.Folder is { } folder && !FolderExists(entry.Folders, folder.Split('/', StringSplitOptions.TrimEntries)))
                {
                    yield return ($"{documentField}.folder", $"'{folder}' is not one of this client's folders in the step.");
                }
            }
        }
    }

    protected override async Task ExecuteAsync(Model model, RecipeStepContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < model.Clients.Count; i++)
        {
            var entry = model.Clients[i];
            var client = await clients.FindByReferenceAsync(entry.Client, cancellationToken)
                ?? throw new RecipeStepException($"clients[{i}].client", $"no client has the external ID or name '{entry.Client}'.");

            var folders = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            await EnsureFoldersAsync(client.Id, null, "", entry.Folders, $"clients[{i}].folders", folders, cancellationToken);

            for (var j = 0; j < entry.Documents.Count; j++)
            {
                await AddDocumentAsync(client.Id, entry.Documents[j], folders, $"clients[{i}].documents[{j}]", context, cancellationToken);
            }
        }
    }

    private async Task EnsureFoldersAsync(Guid clientId, Guid? parentId, string parentPath, List<FolderEntry> entries, string field, Dictionary<string, Guid> paths, CancellationToken cancellationToken)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var name = FileNames.Clean(entry.Name);
            var existing = await db.Folders.AsNoTracking()
                .Where(f => f.ClientId == clientId && f.ParentId == parentId && f.DeletedAt == null && f.Name.ToLower() == name.ToLower())
                .Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
            var id = existing ?? await CreateFolderAsync(clientId, parentId, name, entry.ClientCanUpload, $"{field}[{i}].name", cancellationToken);
            var path = parentPath.Length == 0 ? entry.Name.Trim() : $"{parentPath}/{entry.Name.Trim()}";
            paths[path] = id;
            foreach (var email in entry.SharedWith)
            {
                // Sharing is idempotent; whether the user may use the share (a contributor of the
                // client's portal) is decided when they read, as for shares made in the admin.
                var user = await users.FindByEmailAsync(email, cancellationToken)
                    ?? throw new RecipeStepException($"{field}[{i}].sharedWith", $"no user has the e-mail '{email}' (add them with a \"users\" step first).");
                await library.ShareAsync(clientId, null, id, user.Id, new ClaimsPrincipal(), cancellationToken);
            }

            await EnsureFoldersAsync(clientId, id, path, entry.Folders, $"{field}[{i}].folders", paths, cancellationToken);
        }
    }

    private async Task<Guid> CreateFolderAsync(Guid clientId, Guid? parentId, string name, bool clientCanUpload, string field, CancellationToken cancellationToken)
    {
        var (folder, problem) = await library.CreateFolderAsync(clientId, parentId, name, clientCanUpload, new ClaimsPrincipal(), cancellationToken);
        return folder?.Id ?? throw new RecipeStepException(field, problem?.Message ?? "the folder could not be created.");
    }

    private async Task AddDocumentAsync(Guid clientId, DocumentEntry entry, Dictionary<string, Guid> folders, string field, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var path = context.ResolveAsset($"{field}.file", entry.File);
        var name = FileNames.Clean(entry.Name ?? Path.GetFileName(path));
        Guid? folderId = entry.Folder is { } folder ? folders[string.Join('/', folder.Split('/', StringSplitOptions.TrimEntries))] : null;
        var normalized = FileNames.Normalize(name);
        var direction = entry.From == "client" ? TransferDirection.FromClient : TransferDirection.ToClient;
        if (await db.Documents.AnyAsync(d => d.ClientId == clientId && d.FolderId == folderId && d.NormalizedName == normalized && d.Direction == direction && d.DeletedAt == null, cancellationToken))
        {
            return;
        }

        var sender = await users.FindByEmailAsync(entry.By, cancellationToken)
            ?? throw new RecipeStepException($"{field}.by", $"no user has the e-mail '{entry.By}' (add them with a \"users\" step first).");
        if (sender.IsStaff != (direction == TransferDirection.ToClient))
        {
            throw new RecipeStepException($"{field}.by", $"'{entry.By}' is {(sender.IsStaff ? "staff" : "a client user")}, so cannot send a file from the {entry.From}.");
        }

        await using var content = File.OpenRead(path);
        var target = new DocumentTarget(clientId, folderId, direction, sender.Id, sender.DisplayName);
        var result = await store.StoreAsync(target, name, content, cancellationToken);
        if (result.Error is { } error)
        {
            throw new RecipeStepException($"{field}.file", error);
        }

        if (direction == TransferDirection.ToClient)
        {
            // Sent by the practice: mark it as notified, so the first run does not queue e-mails about sample files.
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Versions.Where(v => v.Id == result.Version!.Id).ExecuteUpdateAsync(v => v.SetProperty(x => x.NotifiedAt, now), cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(entry.Note))
        {
            var author = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, sender.Id.ToString()), new Claim(PortalPrincipal.DisplayNameClaim, sender.DisplayName)], "recipe"));
            if (await library.AddNoteAsync(result.Version!.DocumentId, entry.Note, entry.NoteVisibleToClient, author, cancellationToken) is { } noteError)
            {
                throw new RecipeStepException($"{field}.note", noteError);
            }
        }
    }

    private static IEnumerable<(string Field, string Problem)> ValidateFolders(List<FolderEntry> folders, string field)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < folders.Count; i++)
        {
            var name = folders[i].Name?.Trim() ?? "";
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
            {
                yield return ($"{field}[{i}].name", "is required and cannot contain '/'.");
            }
            else if (!names.Add(name))
            {
                yield return ($"{field}[{i}].name", $"'{name}' appears twice in the same folder.");
            }

            foreach (var problem in ValidateFolders(folders[i].Folders, $"{field}[{i}].folders"))
            {
                yield return problem;
            }
        }
    }

    private static bool FolderExists(List<FolderEntry> folders, string[] path)
    {
        var level = folders;
        foreach (var name in path)
        {
            var match = level.FirstOrDefault(f => string.Equals(f.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return false;
            }

            level = match.Folders;
        }

        return path.Length > 0;
    }

    public sealed class Model
    {
        public List<ClientEntry> Clients { get; set; } = [];
    }

    public sealed class ClientEntry
    {
        public string Client { get; set; } = "";

        public List<FolderEntry> Folders { get; set; } = [];

        public List<DocumentEntry> Documents { get; set; } = [];
    }

    public sealed class FolderEntry
    {
        public string Name { get; set; } = "";

        public bool ClientCanUpload { get; set; }

        public List<string> SharedWith { get; set; } = [];

        public List<FolderEntry> Folders { get; set; } = [];
    }

    public sealed class DocumentEntry
    {
        public string File { get; set; } = "";

        public string? Name { get; set; }

        public string? Folder { get; set; }

        public string From { get; set; } = "practice";

        public string By { get; set; } = "";

        public string? Note { get; set; }

        public bool NoteVisibleToClient { get; set; }
    }
}
