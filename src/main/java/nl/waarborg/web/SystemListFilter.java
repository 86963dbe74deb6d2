package nl.waarborg.web;

import java.util.Optional;
import nl.waarborg.system.SystemFilter;
import org.springframework.web.util.UriComponentsBuilder;

/** The search and filters of the systems overview, as the page's query parameters (all optional). */
public class SystemListFilter {

    private String zoek;
    private String afdeling;
    private String fase;
    private String status;
    private String categorie;
    private String wachtOp;

    SystemFilter toFilter(String member) {
        return new SystemFilter(member, zoek, afdeling, fase, status, categorie, wachtOp);
    }

    /** The overview's address with these filters, for the pager. */
    String pageBase() {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/systemen");
        param(uri, "zoek", zoek);
        param(uri, "afdeling", afdeling);
        param(uri, "fase", fase);
        param(uri, "status", status);
        param(uri, "categorie", categorie);
        param(uri, "wachtOp", wachtOp);
        return uri.build().toUriString();
    }

    private static void param(UriComponentsBuilder uri, String name, String value) {
        uri.queryParamIfPresent(name, Optional.ofNullable(value).filter(v -> !v.isBlank()));
    }

    public String getZoek() {
        return zoek;
    }

    public void setZoek(String zoek) {
        this.zoek = zoek;
    }

    public String getAfdeling() {
        return afdeling;
    }

    public void setAfdeling(String afdeling) {
        this.afdeling = afdeling;
    }

    public String getFase() {
        return fase;
    }

    public void setFase(String fase) {
        this.fase = fase;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCategorie() {
        return categorie;
    }

    public void setCategorie(String categorie) {
        this.categorie = categorie;
    }

    public String getWachtOp() {
        return wachtOp;
    }

    public void setWachtOp(String wachtOp) {
        this.wachtOp = wachtOp;
    }
}
