package org.ctoforum.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Why one row of an import was not imported. */
@Entity
@Table(name = "member_import_error")
public class MemberImportError {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "import_id", nullable = false)
    private Long importId;

    @Column(name = "row_number", nullable = false)
    private int rowNumber;

    @Column(nullable = false)
    private String message;

    protected MemberImportError() {}

    public MemberImportError(long importId, int rowNumber, String message) {
        this.importId = importId;
        this.rowNumber = rowNumber;
        this.message = message.length() > 500 ? message.substring(0, 500) : message;
    }

    public int getRowNumber() {
        return rowNumber;
    }

    public String getMessage() {
        return message;
    }
}
