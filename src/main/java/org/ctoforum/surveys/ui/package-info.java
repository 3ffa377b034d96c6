/**
 * Survey pages: the list, answering with autosave, results against peer groups, trends, staff's survey and district
 * desks, and the district section of the profile. The beans call only the surveys boundary.
 */
package org.ctoforum.surveys.ui;
