using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>Keeps data-protection keys in the host store so every server can read every cookie.</summary>
public sealed class HostXmlRepository(IDbContextFactory<HostDbContext> hostDb) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = hostDb.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = hostDb.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            Id = Guid.CreateVersion7(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
