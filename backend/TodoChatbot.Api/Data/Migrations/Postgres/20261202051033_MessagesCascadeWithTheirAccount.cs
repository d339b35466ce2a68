using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TodoChatbot.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MessagesCascadeWithTheirAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_messages_asp_net_users_user_id",
                table: "messages");

            migrationBuilder.AddForeignKey(
                name: "fk_messages_asp_net_users_user_id",
                table: "messages",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_messages_asp_net_users_user_id",
                table: "messages");

            migrationBuilder.AddForeignKey(
                name: "fk_messages_asp_net_users_user_id",
                table: "messages",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id");
        }
    }
}
