using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Billing.Payments;
using Portal.Core.Crypto;
using Portal.Core.Errors;
using Portal.Web.HostAdmin;

namespace Portal.Web.Payments;

/// <summary>
/// The platform's Stripe keys set in the host admin: each wrapped by the master key (AES-256-GCM, the key's
/// name in the associated data) in the host store's <c>PlatformSecrets</c>, never logged or shown back. A
/// change is written, recorded in <c>PlatformSecretChanges</c>, applied here at once (<see cref="PlatformStripeKeys"/>)
/// and seen by the other servers within seconds (<see cref="PlatformStripeKeysLoader"/>).
/// </summary>
public sealed class PlatformStripeKeyStore(
    OperatorDbContext db,
    MasterKeyRing masterKeys,
    PlatformStripeKeys keys,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<PlatformStripeKeyStore> logger)
{
    public static string NameOf(PlatformStripeKey key) => key switch
    {
        PlatformStripeKey.SecretKey => "stripe:secret-key",
        PlatformStripeKey.PublishableKey => "stripe:publishable-key",
        _ => "stripe:webhook-secret",
    };

    public async Task<StripeKeyValues> LoadAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.PlatformSecrets.AsNoTracking().ToListAsync(cancellationToken);
        string? Open(PlatformStripeKey key) => rows.FirstOrDefault(r => r.Name == NameOf(key)) is { } row ? Unwrap(row) : null;
        return new StripeKeyValues(Open(PlatformStripeKey.SecretKey), Open(PlatformStripeKey.PublishableKey), Open(PlatformStripeKey.WebhookSecret));
    }

    public async Task<IReadOnlyList<PlatformStripeKeyStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.PlatformSecrets.AsNoTracking().ToListAsync(cancellationToken);
        return
        [
            .. Enum.GetValues<PlatformStripeKey>().Select(key =>
            {
                var row = rows.FirstOrDefault(r => r.Name == NameOf(key));
                var value = row is null ? null : Unwrap(row);
                return new PlatformStripeKeyStatus(key, row is not null, value is { Length: > 12 } ? value[^4..] : null, row?.UpdatedAt, !string.IsNullOrWhiteSpace(FromConfiguration(key)));
            }),
        ];
    }

    public async Task<PortalError?> SetAsync(PlatformStripeKey key, string? value, Guid? operatorId, CancellationToken cancellationToken = default)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new PortalError("stripe-key-required", ErrorKind.Invalid, "Paste the new key.", "Value");
        }

        var current = await LoadAsync(cancellationToken);
        var other = key switch
        {
            PlatformStripeKey.SecretKey => current.PublishableKey ?? FromConfiguration(PlatformStripeKey.PublishableKey),
            PlatformStripeKey.PublishableKey => current.SecretKey ?? FromConfiguration(PlatformStripeKey.SecretKey),
            _ => null,
        };
        if (StripeKeyRules.Check(key, trimmed, string.IsNullOrWhiteSpace(other) ? null : other) is { } problem)
        {
            return problem;
        }

        var name = NameOf(key);
        var wrapped = masterKeys.Wrap(MasterKeyPurpose.DataKey, Encoding.UTF8.GetBytes(trimmed), Context(name));
        var row = await db.PlatformSecrets.FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (row is null)
        {
            row = new PlatformSecretRecord { Name = name };
            db.PlatformSecrets.Add(row);
        }

        row.MasterKeyId = wrapped.MasterKeyId;
        row.Ciphertext = wrapped.Ciphertext;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = operatorId;
        await SaveAsync(name, PlatformSecretChange.Set, operatorId, cancellationToken);
        return null;
    }

    public async Task ClearAsync(PlatformStripeKey key, Guid? operatorId, CancellationToken cancellationToken = default)
    {
        var name = NameOf(key);
        if (await db.PlatformSecrets.FirstOrDefaultAsync(r => r.Name == name, cancellationToken) is not { } row)
        {
            return;
        }

        db.PlatformSecrets.Remove(row);
        await SaveAsync(name, PlatformSecretChange.Cleared, operatorId, cancellationToken);
    }

    /// <summary>How many changes were ever made (the trail is append-only, so the count grows with each): other servers compare it to reload.</summary>
    public Task<int> ChangeCountAsync(CancellationToken cancellationToken = default) => db.PlatformSecretChanges.CountAsync(cancellationToken);

    /// <summary>Reads the stored keys and puts them in force on this server.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken = default) => keys.Apply(await LoadAsync(cancellationToken));

    private async Task SaveAsync(string name, string action, Guid? operatorId, CancellationToken cancellationToken)
    {
        db.PlatformSecretChanges.Add(new PlatformSecretChange { Id = Guid.CreateVersion7(), Name = name, Action = action, OperatorId = operatorId, At = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Platform secret {Name} {Action} by operator {OperatorId}", name, action, operatorId);
        await ApplyAsync(cancellationToken);
    }

    private string Unwrap(PlatformSecretRecord row)
        => Encoding.UTF8.GetString(masterKeys.Unwrap(MasterKeyPurpose.DataKey, new WrappedSecret(row.MasterKeyId, row.Ciphertext), Context(row.Name)));

    private string? FromConfiguration(PlatformStripeKey key) => configuration[$"{StripeOptions.Section}:{key}"];

    // Data keys are wrapped under the practice's context; this one names the platform and the key, so neither opens as the other.
    private static string Context(string name) => $"platform-secret\n{name}";
}
