using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tumen.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Entries written before this migration were hashed in audit format 1; they keep verifying as such.
            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "evidence_files",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "ContentKey",
                table: "evidence_files",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Sha256Sealed",
                table: "evidence_files",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "audit_log",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "audit_log",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_evidence_files_ContentKey",
                table: "evidence_files",
                column: "ContentKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_evidence_files_ContentKey",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "ContentKey",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "Sha256Sealed",
                table: "evidence_files");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "State",
                table: "audit_log");

            migrationBuilder.AlterColumn<string>(
                name: "Sha256",
                table: "evidence_files",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
