using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Mail;

namespace Portal.Core.Data.Migrations.Tenant;

/// <summary>
/// E-mail templates moved from Handlebars to Liquid. A practice's edited templates, saved in
/// Handlebars, move to a section of their own, so the <c>mail-templates</c> section only ever holds
/// Liquid; <see cref="MailTemplatesToLiquid"/> (a data migration, run right after) converts them back
/// into it. SQL cannot convert them, but it can set them aside in the same transaction as the schema.
/// </summary>
[DbContext(typeof(CoreTenantDbContext))]
[Migration("20261206000000_SetHandlebarsTemplatesAside")]
public sealed class SetHandlebarsTemplatesAside : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql(
            """UPDATE "Settings" SET "Section" = 'mail-templates.handlebars' WHERE "Section" = 'mail-templates';""");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql(
            """UPDATE "Settings" SET "Section" = 'mail-templates' WHERE "Section" = 'mail-templates.handlebars';""");
}
