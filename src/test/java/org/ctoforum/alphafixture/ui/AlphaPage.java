package org.ctoforum.alphafixture.ui;

/** A page of the fixture feature "alphafixture". */
public class AlphaPage {}
